/* ATA disk on an AHCI SATA controller (PCI class 01.06.01; ICH9 AHCI at
 * 00:1f.2 on QEMU's `q35`), read by DMA through the port's command list
 * (hw/ahci.h). The first implemented port with an ATA disk is used. The
 * driver sits behind the block-device interface (drivers/blk.h). */
#ifndef DRIVERS_AHCI_H
#define DRIVERS_AHCI_H

#include "drivers/blk.h"

extern const struct blk_driver ahci_driver;

#endif
