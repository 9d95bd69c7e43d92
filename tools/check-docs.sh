#!/bin/sh
# The trace excerpts in docs/*.md are tied to the goldens: `make check-docs`
# (run by `make test`) fails when a marked excerpt is not in its golden.
#
# A marked excerpt is the code block (indented by four blanks, or fenced by
# ```) that follows a line
#     <!-- golden: expected/NAME.trace -->
# or, for an excerpt that also shows lines no golden records (the port
# accesses of a hand run), one that checks only the lines starting with
# PREFIX:
#     <!-- golden: expected/NAME.trace lines: PREFIX -->
# (blank lines may come between). Its lines must appear in that golden in
# the same order; within the excerpt:
#   - a line `...` stands for any number of golden lines (a gap); the lines
#     between two gaps are consecutive in the golden;
#   - a hand-written note after two or more blanks and `<-` is not part of
#     the line (`ps2_read_data P0    <- 0xfa`);
#   - a line ending in ` ...` matches a golden line that starts with the
#     text before it.
# Prints FILE:LINE and the first excerpt line that is not found; exit 1.
#   tools/check-docs.sh [DOC.md ...]     default: docs/*.md
cd "$(dirname "$0")/.." || exit 2
[ $# -gt 0 ] || set -- docs/*.md
status=0
for doc in "$@"; do
    awk -v doc="$doc" '
    function fail(msg) { printf "check-docs: %s:%d: %s\n", doc, start, msg; bad = 1 }
    function same(ex, g,    k) {
        if (ex == g) return 1
        k = length(ex)
        return k > 4 && substr(ex, k - 3) == " ..." && index(g, substr(ex, 1, k - 4)) == 1
    }
    function check(    n, i, j, k, pos, cs, ce, found, line) {
        n = 0
        while ((getline line < golden) > 0) g[++n] = line
        close(golden)
        if (n == 0) { fail("golden " golden " is missing or empty; fix the marker"); return }
        pos = 1; i = 1
        while (i <= nex) {
            while (i <= nex && ex[i] == "...") i++
            if (i > nex) break
            cs = i
            while (i <= nex && ex[i] != "...") i++
            ce = i - 1
            found = 0
            for (j = pos; j + (ce - cs) <= n && !found; j++) {
                for (k = cs; k <= ce && same(ex[k], g[j + k - cs]); k++) ;
                if (k > ce) { found = 1; pos = j + (ce - cs) + 1 }
            }
            if (!found) {
                for (k = cs; k <= ce; k++) {
                    for (j = pos; j <= n && !same(ex[k], g[j]); j++) ;
                    if (j > n) break
                }
                fail("excerpt line " (k <= ce ? k : cs) " is not in " golden " (in this order): " \
                     (k <= ce ? ex[k] : ex[cs]) "; copy the excerpt from the golden again, or fix the marker")
                return
            }
        }
        checked++
    }
    function finish_block() { if (nex) check(); golden = ""; nex = 0; inblock = 0; fenced = 0 }
    {
        if (golden == "" && match($0, /^<!-- golden: [^ ]+( lines: [^ ]+)? -->$/)) {
            golden = $3; only = $4 == "lines:" ? $5 : ""
            start = NR; nex = 0; inblock = 0; fenced = 0; next
        }
        if (golden == "") next
        if (!inblock) {
            if ($0 ~ /^[ \t]*$/) next
            if ($0 ~ /^```/) { inblock = 1; fenced = 1; start = NR + 1; next }
            if ($0 ~ /^    /) { inblock = 1; start = NR }
            else { fail("the marker is not followed by a code block"); golden = ""; next }
        }
        if (fenced) {
            if ($0 ~ /^```/) { finish_block(); next }
            line = $0
        } else {
            if ($0 !~ /^    / && $0 !~ /^[ \t]*$/) { finish_block(); next }
            if ($0 ~ /^[ \t]*$/) { finish_block(); next }
            line = $0
            sub(/^[ \t]+/, "", line)          # trace lines never start with a blank
        }
        sub(/  +<-.*$/, "", line)
        sub(/[ \t]+$/, "", line)
        if (only != "" && line != "..." && index(line, only) != 1)
            next
        ex[++nex] = line
    }
    END {
        if (golden != "" && nex) check()
        if (bad) exit 1
        printf "check-docs: %s: %d excerpt(s) match their goldens\n", doc, checked
    }' "$doc" || status=1
done
exit $status
