/* virtio over PCI (virtio 1.x, 4.1.4): the vendor-specific capabilities
 * that place a modern device's register blocks in its BARs. Map only. */
#ifndef HW_VIRTIO_H
#define HW_VIRTIO_H

#define VIRTIO_PCI_VENDOR       0x1AF4
#define VIRTIO_PCI_DEVICE_MIN   0x1000  /* transitional and modern device IDs */
#define VIRTIO_PCI_DEVICE_MAX   0x107F

/* struct virtio_pci_cap, after the generic ID and next bytes. */
#define VIRTIO_PCI_CAP_LEN      0x2     /* 8, RO: length of this capability */
#define VIRTIO_PCI_CAP_CFG_TYPE 0x3     /* 8, RO: which block */
#define VIRTIO_PCI_CAP_BAR      0x4     /* 8, RO */
#define VIRTIO_PCI_CAP_OFFSET   0x8     /* 32, RO: within the BAR */
#define VIRTIO_PCI_CAP_LENGTH   0xC     /* 32, RO: bytes */
#define VIRTIO_PCI_NOTIFY_MULT  0x10    /* 32, RO: notify capability only */
#define VIRTIO_PCI_CAP_MIN_LEN  16
#define VIRTIO_PCI_NOTIFY_CAP_LEN 20
#define VIRTIO_PCI_CAP_COMMON_CFG 1
#define VIRTIO_PCI_CAP_NOTIFY_CFG 2
#define VIRTIO_PCI_CAP_ISR_CFG  3
#define VIRTIO_PCI_CAP_DEVICE_CFG 4

#endif
