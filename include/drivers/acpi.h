/* Finding the ACPI MCFG table in the firmware's memory (lib/acpi.h does the
 * parsing and the checksums). */
#ifndef DRIVERS_ACPI_H
#define DRIVERS_ACPI_H

#include <stddef.h>
#include "lib/acpi.h"

/* Scan the EBDA's first KiB, then 0xE0000-0xFFFFF, for the RSDP and follow
 * it to the MCFG. 0 with *out filled; -1 with a one-line reason in why[]. */
int acpi_mcfg_find(struct acpi_mcfg *out, char *why, size_t whylen);

#endif
