"""gdb commands for TraceOS (docs/debugging.md). Load with
`gdb -x tools/gdb/traceos.py build/kernel.elf` or `source tools/gdb/traceos.py`.

  traceos-marker WORD   decode a trace-device marker word, e.g. 0x7a102000
  traceos-phase         the phase the kernel is in, from the last marker it
                        wrote to the trace device's MARK register

The encoding is read from include/abi/tracedev.h (the kernel's and the
harness's definition), so these commands say what the harness says."""
import os
import re

import gdb

HEADER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "include", "abi", "tracedev.h")


def _table(text, macro):
    """The X(value, NAME, "name") rows of #define MACRO(X) in tracedev.h."""
    m = re.search(r"#define %s\(X\)(.*?)\n\n" % macro, text, re.S)
    if not m:
        raise gdb.GdbError("traceos: %s not found in %s" % (macro, HEADER))
    return {int(v, 0): n for v, n in re.findall(r'X\((0x[0-9a-fA-F]+|\d+),\s*\w+,\s*"([^"]+)"\)', m.group(1))}


def _define(text, name):
    m = re.search(r"#define %s\s+(0x[0-9a-fA-F]+|\d+)" % name, text)
    if not m:
        raise gdb.GdbError("traceos: %s not found in %s" % (name, HEADER))
    return int(m.group(1), 0)


with open(HEADER) as f:
    _TEXT = f.read()
KINDS = _table(_TEXT, "TRACE_KINDS")
PHASES = _table(_TEXT, "TRACE_PHASES")
MAGIC = _define(_TEXT, "TRACEDEV_MAGIC")
REG_MARK = _define(_TEXT, "TRACEDEV_REG_MARK")
DEFAULT_BASE = _define(_TEXT, "TRACEDEV_DEFAULT_BASE")


def decode(word):
    """'begin pci-v', 'end pci status=0', ... as the harness writes markers."""
    kind, phase, arg = (word >> 20) & 0xF, (word >> 12) & 0xFF, word & 0xFFF
    if word >> 24 != MAGIC or kind not in KINDS:
        return "not a marker (0x%08x)" % word
    k, p = KINDS[kind], PHASES.get(phase, "phase=0x%02x" % phase)
    extra = {"end": " status=%d" % arg, "check": " tag=0x%x" % arg, "ack": " %d" % arg,
             "verdict": " " + ("pass" if arg == 0 else "fail" if arg == 1 else "?")}.get(k, "")
    return "%s %s%s" % (k, p, extra)


class Marker(gdb.Command):
    """traceos-marker WORD: decode a trace-device marker word."""

    def __init__(self):
        super().__init__("traceos-marker", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        if not arg.strip():
            raise gdb.GdbError("usage: traceos-marker WORD (e.g. 0x7a102000, or $eax)")
        print(decode(int(gdb.parse_and_eval(arg)) & 0xFFFFFFFF))


class Phase(gdb.Command):
    """traceos-phase: the kernel's phase, from the last marker on the trace device."""

    def __init__(self):
        super().__init__("traceos-phase", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        try:
            base = int(gdb.parse_and_eval("trace_base"))    # drivers/tracedev.c; trace=ADDR moves it
        except gdb.error:
            base = DEFAULT_BASE
        word = int(gdb.parse_and_eval("*(unsigned int *)%d" % (base + REG_MARK))) & 0xFFFFFFFF
        if word == 0:
            print("no marker yet: the kernel has not begun a phase")
            return
        text = decode(word)
        kind = text.split(" ")[0]
        where = "after" if kind in ("end", "verdict") else "in"
        print("%s phase %s (last marker 0x%08x: %s)" % (where, text.split(" ")[1], word, text))


Marker()
Phase()
