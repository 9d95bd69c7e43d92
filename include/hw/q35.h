/* Intel Q35 (ICH9) memory controller hub, 00:00.0 (8086:29c0), as QEMU's
 * hw/pci-host/q35.c models it: the register that places ECAM. Config space. */
#ifndef HW_Q35_H
#define HW_Q35_H

#define Q35_MCH_VENDOR          0x8086
#define Q35_MCH_DEVICE          0x29C0
#define Q35_MCH_PCIEXBAR        0x60    /* 64, RW: ECAM base and length */
#define Q35_PCIEXBAR_ENABLE     0x1     /*   bit 0: ECAM decoding on */
#define Q35_PCIEXBAR_LENGTH_MASK 0x6    /*   bits 2:1: buses decoded */
#define Q35_PCIEXBAR_LENGTH_256 0x0     /*     256 buses, 256 MiB */
#define Q35_PCIEXBAR_LENGTH_128 0x2     /*     128 buses, 128 MiB */
#define Q35_PCIEXBAR_LENGTH_64  0x4     /*     64 buses, 64 MiB */
#define Q35_PCIEXBAR_ADDR_MASK  0xFC000000u /* bits 31:26 (low dword) */

#endif
