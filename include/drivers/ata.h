/* ATA disk on the primary channel of a PCI IDE controller (Intel PIIX in
 * QEMU's `pc` machine, hw/piix.h), read by bus-master DMA. The driver sits
 * behind the block-device interface (drivers/blk.h). */
#ifndef DRIVERS_ATA_H
#define DRIVERS_ATA_H

#include "drivers/blk.h"

extern const struct blk_driver ata_driver;

#endif
