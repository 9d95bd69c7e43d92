#!/bin/sh
# The lspci-decode oracle: it passes on the kernel's real output, fails with
# the differing lines when pciutils decodes the dump otherwise (an lspci on
# the PATH that changes one line of its decode), and a scenario without the
# words it needs is a parse error.
. "$(dirname "$0")/lib.sh"
echo "$NAME:"
command -v lspci >/dev/null 2>&1 || { echo "  FAIL no lspci (apt-get install pciutils)"; exit 1; }

scenario v 'machine = pc' 'append = pci-xxx pci-vv exit' 'events = pci_cfg_*' 'oracle = lspci-decode'
harness --bless v
that "the oracle agrees with the real lspci (PASS, goldens written)" '[ "$RC" -eq 0 ] && grep -q "^PASS  *v " "$T/out"'

mkdir -p "$T/bin"
real=$(command -v lspci)
cat > "$T/bin/lspci" <<EOS
#!/bin/sh
"$real" "\$@" | sed '0,/DEVSEL=fast/s//DEVSEL=slow/'
EOS
chmod +x "$T/bin/lspci"
PATH="$T/bin:$PATH" harness v
that "a changed decode fails the scenario, naming the oracle (status 1)" '[ "$RC" -eq 1 ] && grep -q "lspci-decode oracle: 2 line(s) of pci-vv differ" "$T/out"'
that "the differing lines are shown" 'grep -q "^ *-.*Status: .*DEVSEL=slow" "$T/out" && grep -q "^ *+.*Status: .*DEVSEL=fast" "$T/out"'

fresh() { rm -f "${T:?}/sc"/*.cfg; }
fresh; scenario w 'append = pci-xxx exit' 'oracle = lspci-decode'
harness w
that "without pci-vv in append: a FILE:LINE error (status 2)" '[ "$RC" -eq 2 ] && grep -q "test.cfg:3: oracle lspci-decode needs the kernel.s dump and listing; add the words pci-xxx" "$T/out"'

finish
