/* Names of programming interfaces, as pciutils' ID database (pci.ids)
 * gives them and `lspci -n -vv` prints them after "prog-if NN". Pure. */
#ifndef LIB_PCICLASS_H
#define LIB_PCICLASS_H

#include <stdint.h>

/* The name, or NULL when the table has none for that class and prog-if. */
const char *pci_progif_name(uint8_t class, uint8_t subclass, uint8_t progif);

#endif
