#!/bin/sh
# The tree's layering rules (README "Layout"). Prints one line per broken
# rule, FILE:LINE first, and exits 1 if any; `make check-layers` runs it and
# `make test` runs that.
#   1. Guest code includes by path behind the one -Iinclude: every
#      #include "DIR/NAME.h" names a header under include/.
#   2. lib/ (pure code) includes only lib/, abi/ and hw/ headers, and of the
#      system headers only the freestanding ones.
#   3. include/abi/ and include/hw/ (contracts and register maps) include
#      nothing but <stdint.h> and <stddef.h>.
#   4. drivers/ never includes a phase header.
#   5. Only include/kernel/io.h holds port or MMIO instructions.
#   6. Nothing in harness/ below harness/cli/ knows option parsing: no
#      getopt, no main(), no "--option" string.
cd "$(dirname "$0")/.." || exit 2
status=0
fail() { echo "check-layers: $1" >&2; status=1; }

guest_files=$(find kernel drivers lib include -name '*.[ch]' | sort)

# $1 file, $2 ERE of allowed quoted-include prefixes, $3 ERE of allowed <system> headers, $4 rule
check_includes() {
    grep -n '^[[:space:]]*#[[:space:]]*include' "$1" | while IFS= read -r hit; do
        line=${hit%%:*}
        inc=$(printf '%s\n' "$hit" | sed -n 's/.*#[[:space:]]*include[[:space:]]*\(["<][^">]*[">]\).*/\1/p')
        case $inc in
        \"*) path=${inc#\"}; path=${path%\"}
             if [ ! -f "include/$path" ]; then
                 echo "$1:$line: includes \"$path\", which is not include/DIR/NAME.h: include by path behind -Iinclude"
             elif ! printf '%s\n' "$path" | grep -Eq "^($2)/[a-z0-9_]+\.h$"; then
                 echo "$1:$line: includes \"$path\": $4"
             fi ;;
        \<*) name=${inc#<}; name=${name%>}
             printf '%s\n' "$name" | grep -Eq "^($3)$" ||
                 echo "$1:$line: includes <$name>: $4" ;;
        esac
    done
}

report() { [ -z "$1" ] || { printf '%s\n' "$1" | sed 's/^/check-layers: /' >&2; status=1; }; }

for f in $guest_files; do
    case $f in
    lib/*|include/lib/*)
        out=$(check_includes "$f" 'lib|abi|hw' 'stdint\.h|stddef\.h|stdarg\.h|limits\.h|stdbool\.h' \
              'lib/ includes only lib/, abi/ and hw/ headers (pure code: no I/O, no kernel, no drivers)') ;;
    include/abi/*|include/hw/*)
        out=$(check_includes "$f" 'x^' 'stdint\.h|stddef\.h' \
              'abi/ and hw/ headers are definitions only and include nothing') ;;
    drivers/*|include/drivers/*)
        out=$(check_includes "$f" 'abi|hw|lib|kernel|drivers' 'stdint\.h|stddef\.h|stdarg\.h' \
              'drivers/ return data and errors and never include a phase header') ;;
    *)
        out=$(check_includes "$f" 'abi|hw|lib|kernel|drivers|phases' 'stdint\.h|stddef\.h|stdarg\.h' \
              'guest code includes by path (DIR/NAME.h under include/)') ;;
    esac
    report "$out"
    if [ "$f" != include/kernel/io.h ]; then
        report "$(grep -nE '"[[:space:]]*(in|out)[bwl]?[[:space:]]+%|"[[:space:]]*(in|out)s[bwl]' "$f" |
                  sed "s|^\([0-9]*\):.*|$f:\1: a port instruction outside include/kernel/io.h; use its accessors|")"
    fi
done

for f in $(find harness -name '*.[ch]' ! -path 'harness/cli/*' | sort); do
    report "$(grep -nE 'getopt|(^|[^a-z_])main[[:space:]]*\(|"--[a-z]' "$f" |
              sed "s|^\([0-9]*\):.*|$f:\1: option parsing outside harness/cli/ (move it there; pass the parsed values in)|")"
done

[ $status -eq 0 ] && echo "check-layers: ok ($(echo "$guest_files" | wc -l) guest files, $(find harness -name '*.[ch]' | wc -l) harness files)"
exit $status
