/* Programming interface names (lib/pciclass.h): the entries of pci.ids
 * (Debian's pci.ids package, /usr/share/misc/pci.ids) for the classes of
 * the devices QEMU emulates: IDE, SATA, NVM, VGA, PCI bridges, USB. A prog-if
 * missing here prints as a number alone, as lspci prints one pci.ids lacks. */
#include <stddef.h>
#include "lib/pciclass.h"

static const struct progif {
    uint8_t class, subclass, progif;
    const char *name;
} progifs[] = {
    { 0x01, 0x01, 0x00, "ISA Compatibility mode-only controller" },
    { 0x01, 0x01, 0x05, "PCI native mode-only controller" },
    { 0x01, 0x01, 0x0a, "ISA Compatibility mode controller, supports both channels switched to PCI native mode" },
    { 0x01, 0x01, 0x0f, "PCI native mode controller, supports both channels switched to ISA compatibility mode" },
    { 0x01, 0x01, 0x80, "ISA Compatibility mode-only controller, supports bus mastering" },
    { 0x01, 0x01, 0x85, "PCI native mode-only controller, supports bus mastering" },
    { 0x01, 0x01, 0x8a, "ISA Compatibility mode controller, supports both channels switched to PCI native mode, supports bus mastering" },
    { 0x01, 0x01, 0x8f, "PCI native mode controller, supports both channels switched to ISA compatibility mode, supports bus mastering" },
    { 0x01, 0x06, 0x00, "Vendor specific" },
    { 0x01, 0x06, 0x01, "AHCI 1.0" },
    { 0x01, 0x06, 0x02, "Serial Storage Bus" },
    { 0x01, 0x08, 0x01, "NVMHCI" },
    { 0x01, 0x08, 0x02, "NVM Express" },
    { 0x03, 0x00, 0x00, "VGA controller" },
    { 0x03, 0x00, 0x01, "8514 controller" },
    { 0x06, 0x04, 0x00, "Normal decode" },
    { 0x06, 0x04, 0x01, "Subtractive decode" },
    { 0x0c, 0x03, 0x00, "UHCI" },
    { 0x0c, 0x03, 0x10, "OHCI" },
    { 0x0c, 0x03, 0x20, "EHCI" },
    { 0x0c, 0x03, 0x30, "XHCI" },
    { 0x0c, 0x03, 0x40, "USB4 Host Interface" },
    { 0x0c, 0x03, 0x80, "Unspecified" },
    { 0x0c, 0x03, 0xfe, "USB Device" },
};

const char *pci_progif_name(uint8_t class, uint8_t subclass, uint8_t progif)
{
    for (size_t i = 0; i < sizeof(progifs) / sizeof(progifs[0]); i++)
        if (progifs[i].class == class && progifs[i].subclass == subclass && progifs[i].progif == progif)
            return progifs[i].name;
    return NULL;
}
