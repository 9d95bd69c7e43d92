/* PCI resource assignment for firmware that leaves it undone (qboot). */
#ifndef DRIVERS_PCIASSIGN_H
#define DRIVERS_PCIASSIGN_H

/* Give the BARs of bus 0's functions addresses, once, when the firmware gave
 * none: no function there decodes a BAR with a nonzero address (SeaBIOS
 * assigns and enables them all, qboot none). Each BAR is sized and placed
 * (lib/pcialloc.h) in this kernel's I/O or memory window, and one line per
 * BAR says where. Decoding stays off: the driver that takes the function
 * turns it on, as it does after any firmware. Bridges, what lies behind
 * them, expansion ROMs and below-1M BARs are left as they are. Returns the
 * number of BARs assigned (0 also when the firmware had assigned them, or
 * on a later call), or -1 with a message when they do not fit. */
int pci_assign_root(void);

#endif
