/* unit-sources: libharness */
/* The trace decoder (harness/lib/decode/) against facts from the specs and
 * from QEMU's source, every line of every golden, and bad input.
 *
 * Sources of the facts checked here:
 *  - PCI Local Bus Specification 3.0, 6.1-6.2: header offsets, COMMAND and
 *    STATUS bits; PCI-to-PCI Bridge Architecture 1.2, 3.2: the type 1 header;
 *    class codes as pciutils' pci.ids names them;
 *  - ATA/ATAPI-6 and ACS: command codes (0xEC IDENTIFY DEVICE, 0xC8 READ DMA,
 *    0x25 READ DMA EXT), STATUS and ERROR bits;
 *  - SFF-8038i (Bus Master IDE): command bits 0 (start) and 3 (read),
 *    status bits 0 (active), 1 (error), 2 (interrupt), 5/6 (drive DMA capable);
 *  - the PS/2 keyboard and 8042 interfaces as QEMU 7.2 implements them
 *    (hw/input/ps2.c, hw/input/pckbd.c): keyboard commands and replies, LED
 *    bits, controller commands, configuration and status bits;
 *  - QEMU 7.2 qapi/ui.json (QKeyCode numbers), ui/keycodemapdb keymaps.csv
 *    (set 2 codes), hw/input/ps2.c translate_table (set 2 -> set 1);
 *  - AHCI 1.3.1, 3.1 and 3.3: CAP (NP, NCS, SAM, S64A), GHC (HR, IE, AE),
 *    PxIS (DHRS bit 0, PSS 1, TFES 30), PxCMD (ST 0, FRE 4, FR 14, CR 15),
 *    PxSSTS.DET 3, the ATA and ATAPI signatures. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "harness/lib/decode/decode_parts.h"
#include "harness/lib/decode/decode_ps2.h"
#include "harness/lib/diff.h"
#include "harness/lib/util.h"
#include "unit.h"

/* Decode `lines` (LF separated) in order; the meaning of the last one. */
static char *meaning_of_last(const char *lines, enum decode_result *res)
{
    struct decode_state st;
    struct sbuf m = { 0 };
    decode_init(&st);
    const char *p = lines;
    enum decode_result r = DECODE_OK;
    while (*p) {
        size_t n = strcspn(p, "\n");
        m.len = 0;
        r = decode_line(&st, p, n, &m);
        p += n + (p[n] == '\n');
    }
    sb_add(&m, "", 0);
    if (res)
        *res = r;
    return m.p;
}

/* Each case: input lines, then substrings the last line's meaning holds. */
struct fact {
    const char *lines;
    const char *want[4];
};

static void check_facts(const struct fact *f, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        enum decode_result r;
        char *m = meaning_of_last(f[i].lines, &r);
        if (r != DECODE_OK)
            fail_msg("%s: decode result %d", f[i].lines, r);
        for (int k = 0; k < 4 && f[i].want[k]; k++)
            if (!strstr(m, f[i].want[k]))
                fail_msg("%s\n  means '%s'\n  which lacks '%s'", f[i].lines, m, f[i].want[k]);
        free(m);
    }
}

#define FACTS(t) check_facts(t, sizeof(t) / sizeof(t[0]))

static void test_pci_registers(void **state)
{
    (void)state;
    static const struct { unsigned off; int htype; const char *name; } regs[] = {
        { 0x00, 0, "VENDOR_ID" }, { 0x02, 0, "DEVICE_ID" }, { 0x04, 0, "COMMAND" },
        { 0x06, 0, "STATUS" }, { 0x08, 0, "REVISION_ID" }, { 0x09, 0, "PROG_IF" },
        { 0x0a, 0, "SUBCLASS" }, { 0x0b, 0, "CLASS" }, { 0x0c, 0, "CACHE_LINE_SIZE" },
        { 0x0d, 0, "LATENCY_TIMER" }, { 0x0e, 0, "HEADER_TYPE" }, { 0x0f, 0, "BIST" },
        { 0x10, 0, "BAR0" }, { 0x14, 0, "BAR1" }, { 0x18, 0, "BAR2" }, { 0x1c, 0, "BAR3" },
        { 0x20, 0, "BAR4" }, { 0x24, 0, "BAR5" }, { 0x28, 0, "CARDBUS_CIS" },
        { 0x2c, 0, "SUBSYSTEM_VENDOR_ID" }, { 0x2e, 0, "SUBSYSTEM_ID" }, { 0x30, 0, "ROM_ADDRESS" },
        { 0x34, 0, "CAP_PTR" }, { 0x3c, 0, "INTERRUPT_LINE" }, { 0x3d, 0, "INTERRUPT_PIN" },
        { 0x3e, 0, "MIN_GNT" }, { 0x3f, 0, "MAX_LAT" },
        /* type 1 */
        { 0x10, 1, "BAR0" }, { 0x14, 1, "BAR1" }, { 0x18, 1, "PRIMARY_BUS" },
        { 0x19, 1, "SECONDARY_BUS" }, { 0x1a, 1, "SUBORDINATE_BUS" },
        { 0x1b, 1, "SEC_LATENCY_TIMER" }, { 0x1c, 1, "IO_BASE" }, { 0x1d, 1, "IO_LIMIT" },
        { 0x1e, 1, "SEC_STATUS" }, { 0x20, 1, "MEMORY_BASE" }, { 0x22, 1, "MEMORY_LIMIT" },
        { 0x24, 1, "PREF_MEMORY_BASE" }, { 0x26, 1, "PREF_MEMORY_LIMIT" },
        { 0x28, 1, "PREF_BASE_UPPER32" }, { 0x2c, 1, "PREF_LIMIT_UPPER32" },
        { 0x30, 1, "IO_BASE_UPPER16" }, { 0x32, 1, "IO_LIMIT_UPPER16" }, { 0x34, 1, "CAP_PTR" },
        { 0x38, 1, "ROM_ADDRESS1" }, { 0x3c, 1, "INTERRUPT_LINE" }, { 0x3e, 1, "BRIDGE_CONTROL" },
    };
    for (size_t i = 0; i < sizeof(regs) / sizeof(regs[0]); i++) {
        const char *n = decode_pci_register(regs[i].off, regs[i].htype);
        if (!n || strcmp(n, regs[i].name))
            fail_msg("type %d offset 0x%02x: '%s', want '%s'", regs[i].htype, regs[i].off,
                     n ? n : "(none)", regs[i].name);
    }
}

static void test_pci_values(void **state)
{
    (void)state;
    static const struct fact f[] = {
        /* COMMAND bits 0-10 */
        { "pci_cfg_write x 00:01.1 @0x4 <- 0x1", { "COMMAND <- 0x0001: IO" } },
        { "pci_cfg_write x 00:01.1 @0x4 <- 0x2", { "MEM" } },
        { "pci_cfg_write x 00:01.1 @0x4 <- 0x4", { "MASTER" } },
        { "pci_cfg_write x 00:01.1 @0x4 <- 0x8", { "SPECIAL" } },
        { "pci_cfg_write x 00:01.1 @0x4 <- 0x10", { "MWI" } },
        { "pci_cfg_write x 00:01.1 @0x4 <- 0x20", { "VGA-SNOOP" } },
        { "pci_cfg_write x 00:01.1 @0x4 <- 0x40", { "PARITY" } },
        { "pci_cfg_write x 00:01.1 @0x4 <- 0x100", { "SERR", "decoding off" } },
        { "pci_cfg_write x 00:01.1 @0x4 <- 0x200", { "FAST-B2B" } },
        { "pci_cfg_write x 00:01.1 @0x4 <- 0x400", { "INTX-OFF" } },
        { "pci_cfg_read x 00:01.1 @0x4 -> 0x103", { "IO MEM SERR" } },
        /* STATUS bits, and COMMAND + STATUS as one dword */
        { "pci_cfg_read x 00:01.1 @0x6 -> 0x10", { "STATUS", "CAP-LIST" } },
        { "pci_cfg_read x 00:01.1 @0x6 -> 0x8", { "INTX" } },
        { "pci_cfg_read x 00:01.1 @0x6 -> 0x800", { "SIG-TARGET-ABORT" } },
        { "pci_cfg_read x 00:01.1 @0x6 -> 0x1000", { "RCV-TARGET-ABORT" } },
        { "pci_cfg_read x 00:01.1 @0x6 -> 0x2000", { "RCV-MASTER-ABORT" } },
        { "pci_cfg_read x 00:01.1 @0x6 -> 0x4000", { "SIG-SYSTEM-ERR" } },
        { "pci_cfg_read x 00:01.1 @0x6 -> 0x8000", { "PARITY-ERR" } },
        { "pci_cfg_read x 00:01.1 @0x4 -> 0x2800107", { "IO MEM MASTER SERR", "STATUS = 0x0280" } },
        /* IDs, class codes, header type */
        { "pci_cfg_read i440FX 00:00.0 @0x0 -> 0x12378086", { "vendor 8086, device 1237" } },
        { "pci_cfg_read x 00:05.0 @0x0 -> 0xffffffff", { "no function" } },
        { "pci_cfg_read x 00:01.1 @0x8 -> 0x1018000", { "class 01 (mass storage)", "subclass 01 (IDE)", "prog-if 80" } },
        { "pci_cfg_read x 00:04.0 @0x8 -> 0x6040000", { "PCI-to-PCI bridge" } },
        { "pci_cfg_read x 00:02.0 @0x8 -> 0x3000002", { "VGA-compatible", "revision 02" } },
        { "pci_cfg_read x 00:01.0 @0xe -> 0x80", { "HEADER_TYPE", "type 0", "multi-function" } },
        { "pci_cfg_read x 00:04.0 @0xe -> 0x1", { "type 1 (PCI-to-PCI bridge)", "single-function" } },
        /* BARs: kinds, sizing by all ones, a 64-bit pair */
        { "pci_cfg_read x 00:01.1 @0x20 -> 0xc041", { "BAR4", "I/O ports at 0xc040" } },
        { "pci_cfg_write x 00:01.1 @0x20 <- 0xffffffff\npci_cfg_read x 00:01.1 @0x20 -> 0xfffffff1",
          { "read back", "I/O", "size 16 bytes" } },
        { "pci_cfg_read x 00:02.0 @0x10 -> 0xfd000008", { "memory at 0xfd000000", "32-bit", "prefetchable" } },
        { "pci_cfg_write x 00:02.0 @0x10 <- 0xffffffff\npci_cfg_read x 00:02.0 @0x10 -> 0xff000008",
          { "memory", "size 16M" } },
        { "pci_cfg_write x 00:02.0 @0x18 <- 0xffffffff\npci_cfg_read x 00:02.0 @0x18 -> 0x0",
          { "not implemented" } },
        { "pci_cfg_read x 00:04.0 @0x10 -> 0xfea01004", { "64-bit", "non-prefetchable" } },
        { "pci_cfg_write x 00:04.0 @0x10 <- 0xfea01004\npci_cfg_read x 00:04.0 @0x14 -> 0x0",
          { "upper 32 bits of 64-bit BAR0" } },
        /* the header type decides what 0x18 is */
        { "pci_cfg_read x 00:04.0 @0xe -> 0x1\npci_cfg_read x 00:04.0 @0x18 -> 0x10100",
          { "PRIMARY_BUS", "primary 00, secondary 01, subordinate 01" } },
        { "pci_cfg_read x 00:02.0 @0xe -> 0x0\npci_cfg_read x 00:02.0 @0x18 -> 0xfea00000", { "BAR2" } },
        { "pci_cfg_read x 00:04.0 @0xe -> 0x1\npci_cfg_read x 00:04.0 @0x19 -> 0x1", { "bus 1 behind the bridge" } },
        /* CONFIG_ADDRESS: docs/pci.md's example */
        { "memory_region_ops_write cpu 0 mr P1 addr 0xcf8 value 0x80000908 size 4 name 'pci-conf-idx'",
          { "enabled", "bus 00, device 01, function 1, offset 0x08" } },
    };
    FACTS(f);
}

static void test_ata(void **state)
{
    (void)state;
    static const struct fact f[] = {
        { "ide_exec_cmd IDE exec cmd: bus P0; state P1; cmd 0xec", { "0xEC IDENTIFY DEVICE" } },
        { "ide_exec_cmd IDE exec cmd: bus P0; state P1; cmd 0xc8", { "0xC8 READ DMA" } },
        { "ide_exec_cmd IDE exec cmd: bus P0; state P1; cmd 0x25", { "0x25 READ DMA EXT" } },
        { "ide_bus_exec_cmd IDE exec cmd: bus P0; state P1; cmd 0xca", { "0xCA WRITE DMA" } },
        { "ide_exec_cmd IDE exec cmd: bus P0; state P1; cmd 0x35", { "WRITE DMA EXT" } },
        { "ide_exec_cmd IDE exec cmd: bus P0; state P1; cmd 0x20", { "READ SECTORS" } },
        { "ide_exec_cmd IDE exec cmd: bus P0; state P1; cmd 0xe7", { "FLUSH CACHE" } },
        { "ide_exec_cmd IDE exec cmd: bus P0; state P1; cmd 0xef", { "SET FEATURES" } },
        { "ide_exec_cmd IDE exec cmd: bus P0; state P1; cmd 0xa1", { "IDENTIFY PACKET DEVICE" } },
        /* STATUS (0x1f7) and ERROR (0x1f1) bits; DEVICE CONTROL */
        { "memory_region_ops_read cpu 0 mr P addr 0x1f7 value 0x58 size 1 name 'ide'", { "STATUS", "DRDY DSC DRQ" } },
        { "memory_region_ops_read cpu 0 mr P addr 0x1f7 value 0x80 size 1 name 'ide'", { "BSY" } },
        { "memory_region_ops_read cpu 0 mr P addr 0x1f7 value 0x41 size 1 name 'ide'", { "DRDY ERR" } },
        { "memory_region_ops_read cpu 0 mr P addr 0x1f7 value 0x20 size 1 name 'ide'", { "DF" } },
        { "ide_ioport_read IDE PIO rd @ 0x1f1 (Error); val 0x04; bus P IDEState P", { "ERROR", "ABRT" } },
        { "ide_ioport_read IDE PIO rd @ 0x1f1 (Error); val 0x10; bus P IDEState P", { "IDNF" } },
        { "ide_ioport_read IDE PIO rd @ 0x1f1 (Error); val 0x40; bus P IDEState P", { "UNC" } },
        { "ide_ioport_read IDE PIO rd @ 0x1f1 (Error); val 0x80; bus P IDEState P", { "ICRC" } },
        { "ide_ioport_write IDE PIO wr @ 0x1f7 (Command); val 0xec; bus P IDEState P", { "COMMAND", "IDENTIFY DEVICE" } },
        { "ide_ioport_write IDE PIO wr @ 0x1f6 (Device/Head); val 0xe0; bus P IDEState P", { "DEVICE", "LBA", "device 0" } },
        { "ide_ctrl_write IDE PIO wr @ 0x3f6 (Device Control); val 0x02; bus P", { "DEVICE CONTROL", "nIEN" } },
        { "ide_ctrl_write IDE PIO wr @ 0x3f6 (Device Control); val 0x04; bus P", { "SRST" } },
        { "ide_status_read IDE PIO rd @ 0x3f6 (Alt Status); val 0x50; bus P; IDEState P", { "ALTERNATE STATUS", "DRDY DSC" } },
        { "ide_dma_cb IDEState P1; sector_num=100 n=256 cmd=DMA READ", { "sector 100", "256 sectors" } },
        { "dma_blk_io dbs=P2 bs=P3 offset=51200 to_dev=0", { "byte 51200", "sector 100", "disk to memory" } },
        { "dma_blk_cb dbs=P2 ret=0", { "success" } },
        { "dma_blk_cb dbs=P2 ret=-5", { "error -5" } },
    };
    FACTS(f);
}

static void test_ahci(void **state)
{
    (void)state;
    static const struct fact f[] = {
        { "ahci_mem_read_32_host ahci(P0): mem read [reg:CAP] @ 0x0: 0xc0141f05",
          { "reads CAP", "6 ports", "32 command slots", "SAM S64A" } },
        { "ahci_mem_write_host ahci(P0) write4 [reg:GHC] @ 0x4: 0x0000000080000002",
          { "writes GHC", "IE AE" } },
        { "ahci_port_read ahci(P0)[0]: port read [reg:PxCMD] @ 0x18: 0x0000c017",
          { "port 0 reads PxCMD", "ST SUD POD FRE FR CR", "running" } },
        { "ahci_port_write ahci(P0)[2]: port write [reg:PxCMD] @ 0x18: 0x00000006",
          { "port 2 writes PxCMD", "SUD POD", "idle" } },
        { "ahci_port_read ahci(P0)[0]: port read [reg:PxIS] @ 0x10: 0x40000001", { "DHRS TFES" } },
        { "ahci_port_read ahci(P0)[0]: port read [reg:PxSSTS] @ 0x28: 0x00000113", { "DET=3", "present" } },
        { "ahci_port_read ahci(P0)[0]: port read [reg:PxSIG] @ 0x24: 0x00000101", { "ATA disk" } },
        { "ahci_port_read ahci(P0)[2]: port read [reg:PxSIG] @ 0x24: 0xeb140101", { "ATAPI" } },
        { "ahci_port_read ahci(P0)[0]: port read [reg:PxTFD] @ 0x20: 0x00000451",
          { "ATA status 0x51", "ERR", "error 0x04" } },
        { "ahci_trigger_irq ahci(P0)[0]: trigger irq +TFES (0x40000000); irqstat: 0x00000000 --> "
          "0x40000000; effective: 0x40000000", { "port 0 raises PxIS.TFES" } },
        { "ahci_dma_prepare_buf ahci(P0)[1]: prepare buf limit=512 prepared=512", { "port 1", "512 of the 512" } },
    };
    FACTS(f);
}

static void test_gdb_lines(void **state)
{
    (void)state;
    static const struct fact f[] = {
        { "gdb: break i8042_irq #4", { "breakpoint on i8042_irq" } },
        { "gdb: watch ring_head write #2 by i8042_irq: 0x00000000 -> 0x00000001",
          { "write watchpoint on ring_head", "in i8042_irq" } },
        { "gdb: watch 0xff000000/4 write #1 by trace_begin: 0x00000000 -> 0x7a102000 (begin pci-v)",
          { "on 0xff000000/4", "in trace_begin" } },
    };
    FACTS(f);
}

static void test_bmdma(void **state)
{
    (void)state;
    static const struct fact f[] = {
        { "bmdma_write bmdma: writeb 0x0 : 0x09", { "COMMAND", "START READ", "device to memory" } },
        { "bmdma_write bmdma: writeb 0x0 : 0x08", { "READ", "stopped" } },
        { "bmdma_write bmdma: writeb 0x0 : 0x01", { "START", "memory to device" } },
        { "bmdma_read bmdma: readb 0x2 : 0x04", { "STATUS", "IRQ", "transfer done" } },
        { "bmdma_read bmdma: readb 0x2 : 0x05", { "ACTIVE IRQ", "still active" } },
        { "bmdma_read bmdma: readb 0x2 : 0x02", { "ERR" } },
        { "bmdma_read bmdma: readb 0x2 : 0x60", { "DRV0-DMA DRV1-DMA" } },
        { "bmdma_write bmdma: writeb 0x2 : 0x26", { "clear ERR IRQ", "keep DRV0-DMA" } },
        { "bmdma_write bmdma: writeb 0xa : 0x06", { "secondary channel" } },
        { "bmdma_addr_write data: 0x00000000003f0000", { "PRD table address = 0x003f0000" } },
        { "bmdma_cmd_writeb val: 0x00000009", { "START READ" } },
        { "memory_region_ops_read cpu 0 mr P addr 0xc042 value 0x4 size 1 name 'piix-bmdma'", { "STATUS", "IRQ" } },
    };
    FACTS(f);
}

static void test_ps2(void **state)
{
    (void)state;
    static const struct fact f[] = {
        /* keyboard commands (PS/2 keyboard; QEMU hw/input/ps2.c KBD_CMD_*) */
        { "ps2_write_keyboard P0 val 237", { "0xED", "set LEDs" } },
        { "ps2_write_keyboard P0 val 238", { "0xEE", "echo" } },
        { "ps2_write_keyboard P0 val 240", { "0xF0", "scancode set" } },
        { "ps2_write_keyboard P0 val 242", { "0xF2", "identify" } },
        { "ps2_write_keyboard P0 val 243", { "0xF3", "typematic" } },
        { "ps2_write_keyboard P0 val 244", { "0xF4", "enable scanning" } },
        { "ps2_write_keyboard P0 val 245", { "0xF5", "disable scanning" } },
        { "ps2_write_keyboard P0 val 255", { "0xFF", "reset" } },
        /* data bytes and LED bits (bit 0 scroll, 1 num, 2 caps) */
        { "ps2_write_keyboard P0 val 237\nps2_write_keyboard P0 val 4", { "data byte 0x04", "0xED", "caps-lock" } },
        { "ps2_write_keyboard P0 val 237\nps2_write_keyboard P0 val 3", { "scroll-lock num-lock" } },
        { "ps2_set_ledstate P0 ledstate 4", { "caps-lock" } },
        { "ps2_set_ledstate P0 ledstate 0", { "none" } },
        /* the bytes read: replies first, in order (ACK 0xFA, BAT 0xAA) */
        { "ps2_write_keyboard P0 val 255\nps2_reset_keyboard P0\nps2_set_ledstate P0 ledstate 0\n"
          "ps2_read_data P0", { "0xfa", "ACK", "0xFF" } },
        { "ps2_write_keyboard P0 val 255\nps2_reset_keyboard P0\nps2_set_ledstate P0 ledstate 0\n"
          "ps2_read_data P0\nps2_read_data P0", { "0xaa", "self-test passed" } },
        { "ps2_write_keyboard P0 val 244\nps2_read_data P0\nps2_read_data P0", { "empty", "0xfa" } },
        { "ps2_read_data P0", { "not known" } },
        /* qcodes (qapi/ui.json) */
        { "ps2_keyboard_event P0 qcode 36 down 1 modifier 0x0 modifiers 0x0 set 2 xlate 1", { "key a down", "qcode 36" } },
        { "ps2_keyboard_event P0 qcode 61 down 1 modifier 0x0 modifiers 0x0 set 2 xlate 1", { "caps_lock" } },
        { "ps2_keyboard_event P0 qcode 100 down 0 modifier 0x0 modifiers 0x0 set 2 xlate 1", { "up up" } },
        { "ps2_keyboard_event P0 qcode 35 down 1 modifier 0x0 modifiers 0x0 set 2 xlate 1", { "ret" } },
        { "ps2_keyboard_event P0 qcode 1 down 1 modifier 0x2 modifiers 0x0 set 2 xlate 1", { "shift down", "a modifier: shift" } },
        { "ps2_keyboard_event P0 qcode 2 down 1 modifier 0x10 modifiers 0x2 set 2 xlate 1", { "shift_r", "held before: shift" } },
        /* set 2 codes (keymaps.csv) and their set 1 translation (translate_table) */
        { "ps2_keyboard_set_translation P0 mode 1\nps2_put_keycode P0 keycode 0x1c", { "make of a", "set 1 0x1e" } },
        { "ps2_keyboard_set_translation P0 mode 1\nps2_put_keycode P0 keycode 0x5a", { "make of ret", "set 1 0x1c" } },
        { "ps2_keyboard_set_translation P0 mode 1\nps2_put_keycode P0 keycode 0x58", { "caps_lock", "set 1 0x3a" } },
        { "ps2_keyboard_set_translation P0 mode 1\nps2_put_keycode P0 keycode 0x12", { "shift", "set 1 0x2a" } },
        { "ps2_keyboard_set_translation P0 mode 1\nps2_put_keycode P0 keycode 0x76", { "esc", "set 1 0x01" } },
        { "ps2_keyboard_set_translation P0 mode 1\nps2_put_keycode P0 keycode 0xf0\nps2_put_keycode P0 keycode 0x1c",
          { "break of a", "set 1 0x9e" } },
        { "ps2_keyboard_set_translation P0 mode 1\nps2_put_keycode P0 keycode 0xe0\nps2_put_keycode P0 keycode 0x75",
          { "make of up", "set 1 0x48" } },
        { "ps2_keyboard_set_translation P0 mode 1\nps2_put_keycode P0 keycode 0xe0\nps2_put_keycode P0 keycode 0x75\n"
          "ps2_read_data P0\nps2_read_data P0", { "0x48", "make of up" } },
        { "ps2_keyboard_set_translation P0 mode 1\nps2_put_keycode P0 keycode 0xf0\nps2_put_keycode P0 keycode 0x1c\n"
          "ps2_read_data P0", { "0x9e", "break of a" } },
        /* translation off: the CPU reads set 2 */
        { "ps2_keyboard_set_translation P0 mode 0\nps2_put_keycode P0 keycode 0x1c\nps2_read_data P0",
          { "0x1c", "translation off", "make of a" } },
        /* the i8042 (hw/input/pckbd.c KBD_CCMD_*, KBD_MODE_*, KBD_STAT_*) */
        { "pckbd_kbd_write_command 0x20", { "0x20", "read configuration byte" } },
        { "pckbd_kbd_write_command 0x60", { "write configuration byte" } },
        { "pckbd_kbd_write_command 0xa7", { "disable port 2" } },
        { "pckbd_kbd_write_command 0xa8", { "enable port 2" } },
        { "pckbd_kbd_write_command 0xaa", { "self-test" } },
        { "pckbd_kbd_write_command 0xab", { "test port 1" } },
        { "pckbd_kbd_write_command 0xad", { "disable port 1" } },
        { "pckbd_kbd_write_command 0xae", { "enable port 1" } },
        { "pckbd_kbd_write_command 0xd4", { "port 2" } },
        { "pckbd_kbd_write_command 0x60\npckbd_kbd_write_data 0x61", { "PORT1-IRQ PORT2-CLOCK-OFF TRANSLATE", "translation on" } },
        { "pckbd_kbd_write_command 0x60\npckbd_kbd_write_data 0x04", { "SYS" } },
        { "pckbd_kbd_write_command 0x60\npckbd_kbd_write_data 0x30", { "PORT1-CLOCK-OFF PORT2-CLOCK-OFF", "translation off" } },
        { "pckbd_kbd_write_command 0x60\npckbd_kbd_write_data 0x02", { "PORT2-IRQ" } },
        { "pckbd_kbd_read_status 0x1d", { "OBF SYS CMD UNLOCKED" } },
        { "pckbd_kbd_read_status 0x22", { "IBF AUX-OBF" } },
        { "pckbd_kbd_read_status 0xc0", { "TIMEOUT PARITY" } },
        { "memory_region_ops_read cpu 0 mr P addr 0x64 value 0xff size 1 name 'i8042-cmd'", { "no controller" } },
        { "memory_region_ops_write cpu 0 mr P addr 0x64 value 0x60 size 1 name 'i8042-cmd'\n"
          "memory_region_ops_write cpu 0 mr P addr 0x60 value 0x61 size 1 name 'i8042-data'", { "configuration byte 0x61", "TRANSLATE" } },
    };
    FACTS(f);
}

static void test_ps2_tables(void **state)
{
    (void)state;
    /* qapi/ui.json QKeyCode order */
    static const struct { unsigned q; const char *name; } qcodes[] = {
        { 0, "unmapped" }, { 1, "shift" }, { 2, "shift_r" }, { 8, "esc" }, { 9, "1" },
        { 21, "backspace" }, { 35, "ret" }, { 36, "a" }, { 60, "spc" }, { 61, "caps_lock" },
        { 78, "kp_enter" }, { 100, "up" }, { 149, "lang2" },
    };
    for (size_t i = 0; i < sizeof(qcodes) / sizeof(qcodes[0]); i++)
        assert_string_equal(decode_qcode_names[qcodes[i].q], qcodes[i].name);
    /* keymaps.csv "AT set2 keycode" */
    static const struct { unsigned code, qcode; } set2[] = {
        { 0x1c, 36 }, { 0x5a, 35 }, { 0x12, 1 }, { 0x59, 2 }, { 0x76, 8 }, { 0x58, 61 },
        { 0x29, 60 }, { 0x66, 21 }, { 0xe075, 100 }, { 0xe05a, 78 },
    };
    for (size_t i = 0; i < sizeof(set2) / sizeof(set2[0]); i++) {
        const struct decode_set2 *s = decode_set2_codes;
        while (s->code && s->code != set2[i].code)
            s++;
        if (s->qcode != set2[i].qcode)
            fail_msg("set 2 0x%x: qcode %u, want %u", set2[i].code, s->qcode, set2[i].qcode);
    }
    /* translate_table: set 2 -> set 1 */
    static const uint8_t pairs[][2] = {
        { 0x1c, 0x1e }, { 0x5a, 0x1c }, { 0x12, 0x2a }, { 0x58, 0x3a }, { 0x76, 0x01 },
        { 0x16, 0x02 }, { 0x75, 0x48 }, { 0x66, 0x0e },
    };
    for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
        assert_int_equal(decode_set2_to_set1[pairs[i][0]], pairs[i][1]);
}

static void test_markers(void **state)
{
    (void)state;
    static const struct fact f[] = {
        /* the example: make, set 1 code 0x02, '!', left shift */
        { "== check kbd tag=0x1 value=0x00012102", { "make", "key 0x02 1", "char '!'", "lshift" } },
        { "== check kbd tag=0x2 value=0x0000002a", { "break", "lshift", "modifiers none" } },
        { "== check kbd tag=0x1 value=0x0040411e", { "char 'A'", "capslock" } },
        { "== check kbd tag=0x1 value=0x000000c8", { "up" } },
        { "== check kbd tag=0x3 value=0x00000004", { "LEDs", "caps-lock" } },
        { "== check kbd tag=0x4 value=0x0000000b", { "11 characters" } },
        { "== check dma tag=0x1 value=0xc33a5f62", { "CRC-32", "c33a5f62" } },
        { "== check console tag=0x1 value=0x0000002a", { "`trace`", "42" } },
        { "== begin pci-v", { "phase pci-v begins" } },
        { "== end dma status=0", { "ok" } },
        { "== end dma status=5", { "FAILED", "aborted" } },
        { "== end dma status=7", { "bus-master" } },
        { "== end kbd status=1", { "no i8042" } },
        { "== ready kbd", { "waits for host input" } },
        { "== ack kbd 3", { "event 3 consumed" } },
        { "== verdict run pass", { "pass" } },
        { "== verdict run fail", { "FAIL" } },
        { "== begin phase=0x42", { "0x42", "not a phase" } },
        { "== missing end", { "no END" } },
        { "== bad-marker 0x12101000", { "magic 0x12" } },
        /* raw marker words on the trace device: DATA, then the CHECK that carries it */
        { "memory_region_ops_write cpu 0 mr P addr 0xff000000 value 0x7a201000 size 4 name 'pc-testdev-iomem'",
          { "MARK", "== end pci status=0", "ok" } },
        { "memory_region_ops_write cpu 0 mr P addr 0xff000004 value 0x12102 size 4 name 'pc-testdev-iomem'\n"
          "memory_region_ops_write cpu 0 mr P addr 0xff000000 value 0x7a303001 size 4 name 'pc-testdev-iomem'",
          { "== check kbd tag=0x1 value=0x00012102", "char '!'" } },
        { "memory_region_ops_write cpu 0 mr P addr 0xff000000 value 0x12345678 size 4 name 'pc-testdev-iomem'",
          { "not a marker word" } },
    };
    FACTS(f);
}

static void test_ports(void **state)
{
    (void)state;
    static const struct fact f[] = {
        { "memory_region_ops_write cpu 0 mr P addr 0x21 value 0xfd size 1 name 'pic'", { "master IMR", "unmasked: 1" } },
        { "memory_region_ops_write cpu 0 mr P addr 0xa1 value 0xbf size 1 name 'pic'", { "slave", "unmasked: 14" } },
        { "memory_region_ops_write cpu 0 mr P addr 0x20 value 0x20 size 1 name 'pic'", { "end of interrupt" } },
        { "memory_region_ops_write cpu 0 mr P addr 0x3f8 value 0x41 size 1 name 'serial'", { "COM1 THR", "'A'" } },
        { "memory_region_ops_write cpu 0 mr P addr 0xf4 value 0x10 size 4 name 'isa-debug-exit'", { "status 33" } },
        { "memory_region_ops_write cpu 0 mr P addr 0xf4 value 0x11 size 4 name 'isa-debug-exit'", { "status 35" } },
        { "memory_region_ops_write cpu 0 mr P addr 0xb80a2 value 0x30 size 1 name 'vga-lowmem'", { "row 1 column 1", "character" } },
        { "memory_region_ops_write cpu 0 mr P addr 0x1234 value 0x1 size 1 name 'mystery'", { "'mystery'", "no register map" } },
        { "memory_region_ops_read cpu 0 mr P addr 0x508 value 0x0 size 4 name 'acpi-tmr'", { "ACPI PM timer" } },
        /* ECAM: bus << 20 | device << 15 | function << 12 | offset; an
         * extended capability header is ID 15:0, version 19:16, next 31:20. */
        { "memory_region_ops_read cpu 0 mr P addr 0xb0010100 value 0x14020001 size 4 name 'pcie-mmcfg-mmio'",
          { "00:02.0 config 0x100", "ID 0x0001 (Advanced Error Reporting), version 2, next at 0x140" } },
        { "memory_region_ops_read cpu 0 mr P addr 0xb031a148 value 0x525400ff size 4 name 'pcie-mmcfg-mmio'",
          { "03:03.2 config 0x148 = 0x525400ff" } },
        { "memory_region_ops_read cpu 0 mr P addr 0xb0000100 value 0xffffffff size 4 name 'pcie-mmcfg-mmio'",
          { "00:00.0 config 0x100 = all ones" } },
        { "memory_region_ops_read cpu 0 mr P addr 0xb0008000 value 0xffffffff size 4 name 'pcie-mmcfg-mmio'",
          { "00:01.0 config 0x000 VENDOR_ID", "all ones: no function there" } },
    };
    FACTS(f);
}

/* Malformed, truncated and odd lines: never a crash, the right verdict. */
static void test_bad_input(void **state)
{
    (void)state;
    static const struct { const char *line; enum decode_result r; } cases[] = {
        { "", DECODE_MALFORMED },
        { "hello world!", DECODE_UNKNOWN },
        { "Hello", DECODE_MALFORMED },
        { "  leading blanks", DECODE_MALFORMED },
        { "no_such_event x y", DECODE_UNKNOWN },
        { "pci_cfg_read i440FX 00:00.0 @0x", DECODE_MALFORMED },
        { "pci_cfg_read i440FX 00:00.0 @0x4 -> ", DECODE_MALFORMED },
        { "pci_cfg_read i440FX", DECODE_MALFORMED },
        { "pci_cfg_read", DECODE_MALFORMED },
        { "ps2_put_keycode P0 keycode 0x", DECODE_MALFORMED },
        { "ps2_put_keycode P0 keycode 0x1ff", DECODE_MALFORMED },
        { "ps2_write_keyboard P0 val", DECODE_MALFORMED },
        { "ide_exec_cmd IDE exec cmd: bus P0; state P1; cmd", DECODE_MALFORMED },
        { "bmdma_read bmdma: readb 0x2 :", DECODE_MALFORMED },
        { "memory_region_ops_write cpu 0 mr P addr 0xff000000 value 0x7a1", DECODE_MALFORMED },
        { "== check kbd tag=0x1", DECODE_MALFORMED },
        { "== end dma", DECODE_MALFORMED },
        { "== frobnicate kbd", DECODE_MALFORMED },
        { "== ", DECODE_MALFORMED },
        { "== begin", DECODE_MALFORMED },
        { "ps2_read_data P0\r", DECODE_OK },
        { "1234@1700000000.123456:ps2_read_data 0x55d0c1a3e2f0", DECODE_OK },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct decode_state st;
        struct sbuf m = { 0 };
        decode_init(&st);
        enum decode_result r = decode_line(&st, cases[i].line, strlen(cases[i].line), &m);
        if (r != cases[i].r)
            fail_msg("'%s': result %d, want %d", cases[i].line, r, cases[i].r);
        sb_free(&m);
    }
    /* NUL bytes, a line of 100 KiB, a number of 40 digits */
    struct decode_state st;
    struct sbuf m = { 0 }, big = { 0 };
    decode_init(&st);
    assert_int_equal(decode_line(&st, "ps2_read_data\0P0", 16, &m), DECODE_MALFORMED);
    sb_puts(&big, "pci_cfg_read x 00:00.0 @0x4 -> 0x");
    for (int i = 0; i < 100 * 1024; i++)
        sb_addc(&big, "0123456789abcdef"[i & 15]);
    decode_line(&st, big.p, big.len, &m);
    sb_free(&big);
    sb_free(&m);
    /* --explain's layout: undecodable lines printed as they are, marked */
    struct sbuf out = { 0 };
    static const char text[] = "== begin kbd\ngarbage!\nps2_frob P0\npci_cfg_read x 00:00.0 @0x";
    assert_int_equal(decode_explain(text, sizeof(text) - 1, &out), 3);
    assert_non_null(strstr(out.p, "garbage!"));
    assert_non_null(strstr(out.p, "# not decoded: ps2_frob"));
    assert_non_null(strstr(out.p, "# undecodable: its fields cannot be read"));
    assert_non_null(strstr(out.p, "pci_cfg_read x 00:00.0 @0x"));
    sb_free(&out);
}

/* What failures show: the first differing line, decoded in its phase's
 * state, and a golden diff with its changed lines annotated. */
static void test_failure_views(void **state)
{
    (void)state;
    static const char g[] = "== begin kbd\nps2_keyboard_set_translation P0 mode 0\n"
                            "ps2_keyboard_set_translation P0 mode 1\nps2_write_keyboard P0 val 237\n"
                            "ps2_write_keyboard P0 val 4\n== end kbd status=0\n";
    static const char a[] = "== begin kbd\nps2_keyboard_set_translation P0 mode 0\n"
                            "ps2_keyboard_set_translation P0 mode 1\nps2_write_keyboard P0 val 237\n"
                            "ps2_write_keyboard P0 val 2\n== end kbd status=0\n";
    struct sbuf out = { 0 }, d = { 0 };
    assert_int_equal(decode_first_difference(g, sizeof(g) - 1, a, sizeof(a) - 1, "  ", &out), 1);
    assert_non_null(strstr(out.p, "first trace difference, line 5:"));
    /* decoded after the line before it: the LED byte of 0xED */
    assert_non_null(strstr(out.p, "golden: ps2_write_keyboard P0 val 4"));
    assert_non_null(strstr(out.p, "LEDs caps-lock"));
    assert_non_null(strstr(out.p, "LEDs num-lock"));
    out.len = 0;
    assert_int_equal(decode_first_difference(g, sizeof(g) - 1, g, sizeof(g) - 1, "  ", &out), 0);
    assert_non_null(strstr(out.p, "the same as the golden (6 lines)"));
    out.len = 0;
    assert_int_equal(decode_first_difference(g, sizeof(g) - 1, g, 13, "  ", &out), 1);
    assert_non_null(strstr(out.p, "(no line 2: the actual trace ends here)"));
    out.len = 0;
    assert_int_equal(diff_unified(g, sizeof(g) - 1, a, sizeof(a) - 1, "golden", "actual", &d), 1);
    decode_annotate_diff(g, sizeof(g) - 1, a, sizeof(a) - 1, d.p, d.len, &out);
    assert_non_null(strstr(out.p, "--- golden\n+++ actual\n"));
    const char *minus = strstr(out.p, "-ps2_write_keyboard P0 val 4"), *plus = strstr(out.p, "+ps2_write_keyboard P0 val 2");
    assert_non_null(minus);
    assert_non_null(plus);
    assert_non_null(strstr(minus, "# data byte 0x04 for keyboard command 0xED: LEDs caps-lock\n"));
    assert_non_null(strstr(plus, "# data byte 0x02 for keyboard command 0xED: LEDs num-lock\n"));
    /* context lines are not annotated */
    assert_non_null(strstr(out.p, " ps2_write_keyboard P0 val 237\n"));
    sb_free(&out);
    sb_free(&d);
}

/* Every line of every golden (expected/ and its per-version sets) decodes.
 * The events seen are listed with their counts; an event no table knows
 * fails the test as "not decoded: EVENT". Run from the top of the tree. */
struct seen {
    char name[64];
    int count;
};

static int decode_golden(const char *path, struct seen *seen, int *nseen, struct sbuf *why)
{
    struct sbuf g = { 0 }, m = { 0 };
    char err[512];
    struct decode_state st;
    int bad = 0, line = 0;
    if (read_file(path, &g, err, sizeof(err)) < 0) {
        sb_printf(why, "%s\n", err);
        return 1;
    }
    decode_init(&st);
    for (const char *p = g.p, *end = g.p + g.len; p < end;) {
        size_t n = strcspn(p, "\n");
        char name[64];
        line++;
        m.len = 0;
        enum decode_result r = decode_line(&st, p, n, &m);
        decode_event_name(p, n, name, sizeof(name));
        if (!name[0])
            strcpy(name, "== (marker)");
        int i = 0;
        while (i < *nseen && strcmp(seen[i].name, name))
            i++;
        if (i == *nseen && *nseen < 64)
            snprintf(seen[(*nseen)++].name, sizeof(seen[0].name), "%s", name);
        if (i < 64)
            seen[i].count++;
        if (r == DECODE_UNKNOWN)
            sb_printf(why, "%s:%d: not decoded: %s\n", path, line, name), bad++;
        else if (r != DECODE_OK)
            sb_printf(why, "%s:%d: undecodable: %.*s\n", path, line, (int)n, p), bad++;
        p += n + 1;
    }
    sb_free(&g);
    sb_free(&m);
    return bad;
}

static int walk(const char *dir, struct seen *seen, int *nseen, int *files, struct sbuf *why)
{
    DIR *d = opendir(dir);
    int bad = 0;
    if (!d) {
        sb_printf(why, "%s: cannot open; run the unit tests from the top of the tree\n", dir);
        return 1;
    }
    struct dirent *e;
    while ((e = readdir(d))) {
        char path[1024];
        size_t n = strlen(e->d_name);
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
        if (n > 6 && !strcmp(e->d_name + n - 6, ".trace")) {
            bad += decode_golden(path, seen, nseen, why);
            (*files)++;
        } else if (!strchr(e->d_name, '.')) {
            DIR *sub = opendir(path);
            if (sub) {
                closedir(sub);
                bad += walk(path, seen, nseen, files, why);
            }
        }
    }
    closedir(d);
    return bad;
}

static void test_every_golden_line(void **state)
{
    (void)state;
    struct seen seen[64] = { 0 };
    int nseen = 0, files = 0;
    struct sbuf why = { 0 };
    int bad = walk("expected", seen, &nseen, &files, &why);
    bad += walk("examples/minimal/expected", seen, &nseen, &files, &why);
    print_message("decoded %d goldens; events:", files);
    for (int i = 0; i < nseen; i++)
        print_message(" %s(%d)", seen[i].name, seen[i].count);
    print_message("\n");
    assert_true(files >= 30);
    if (bad)
        fail_msg("%d golden line(s) do not decode:\n%s", bad, why.p);
    sb_free(&why);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_pci_registers),
    cmocka_unit_test(test_pci_values),
    cmocka_unit_test(test_ata),
    cmocka_unit_test(test_bmdma),
    cmocka_unit_test(test_ahci),
    cmocka_unit_test(test_gdb_lines),
    cmocka_unit_test(test_ps2),
    cmocka_unit_test(test_ps2_tables),
    cmocka_unit_test(test_markers),
    cmocka_unit_test(test_ports),
    cmocka_unit_test(test_bad_input),
    cmocka_unit_test(test_failure_views),
    cmocka_unit_test(test_every_golden_line),
};

UNIT_MAIN("decode", tests)
