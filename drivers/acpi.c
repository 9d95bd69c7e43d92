/* The RSDP scan over the BIOS memory areas (abi/memmap.h); everything after
 * it is lib/acpi.c over identity-mapped memory (paging is off). */
#include <stdint.h>
#include "abi/memmap.h"
#include "drivers/acpi.h"
#include "lib/printf.h"

/* Tables are RAM below 4 GiB; anything else is not followed. */
static const uint8_t *acpi_identity_map(void *ctx, uint64_t phys, uint32_t len)
{
    (void)ctx;
    if (phys == 0 || phys + len > (uint64_t)UINT32_MAX + 1)
        return 0;
    return (const uint8_t *)(uintptr_t)phys;
}

static long acpi_scan(uintptr_t base, size_t len)
{
    long off = acpi_rsdp_scan((const uint8_t *)base, len);
    return off < 0 ? -1 : (long)(base + (uintptr_t)off);
}

/* The EBDA's real-mode segment from the BIOS data area. GCC takes any
 * address in the first 4 KiB for a null-pointer offset; here it is RAM. */
static uintptr_t acpi_ebda(void)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Warray-bounds"
    return (uintptr_t)*(const volatile uint16_t *)MEMMAP_BDA_EBDA_SEG << 4;
#pragma GCC diagnostic pop
}

int acpi_mcfg_find(struct acpi_mcfg *out, char *why, size_t whylen)
{
    uintptr_t ebda = acpi_ebda();
    long rsdp = -1;
    if (ebda > MEMMAP_BDA_EBDA_SEG && ebda + MEMMAP_EBDA_SCAN_SIZE <= MEMMAP_BIOS_AREA)
        rsdp = acpi_scan(ebda, MEMMAP_EBDA_SCAN_SIZE);
    if (rsdp < 0)
        rsdp = acpi_scan(MEMMAP_BIOS_AREA, MEMMAP_BIOS_AREA_END - MEMMAP_BIOS_AREA);
    if (rsdp < 0) {
        ksnprintf(why, whylen, "acpi: no RSDP in the EBDA (segment 0x%04x) nor in 0xe0000-0xfffff",
                  (unsigned)(ebda >> 4));
        return -1;
    }
    struct acpi_mem mem = { .map = acpi_identity_map };
    return acpi_find_mcfg(&mem, (uint64_t)rsdp, out, why, whylen);
}
