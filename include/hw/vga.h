/* VGA text mode: 80x25 cells of (attribute << 8 | character) at 0xB8000,
 * hardware cursor through the CRT controller index/data ports.
 * Register map only. */
#ifndef HW_VGA_H
#define HW_VGA_H

#define VGA_TEXT_BASE       0xB8000
#define VGA_TEXT_SIZE       0x8000  /* 32 KiB at 0xB8000 in text mode: 204 rows of 80 */
#define VGA_COLS            80
#define VGA_ROWS            25
#define VGA_ATTR_DEFAULT    0x07    /* light grey on black */
/* One 16-bit cell: the character in bits 7:0 (the even byte), the attribute
 * in bits 15:8 (the odd byte). */
#define VGA_CELL(attr, ch)  ((uint16_t)((attr) << 8 | (ch)))
#define VGA_CELL_ATTR(v)    ((uint8_t)((v) >> 8))
#define VGA_CELL_CHAR(v)    ((uint8_t)(v))

#define VGA_CRTC_INDEX      0x3D4   /* W, 8 bits: CRTC register select */
#define VGA_CRTC_DATA       0x3D5   /* RW, 8 bits: selected CRTC register */
#define VGA_CRTC_START_HI   0x0C    /* display start, in cells from VGA_TEXT_BASE */
#define VGA_CRTC_START_LO   0x0D
#define VGA_CRTC_CURSOR_HI  0x0E    /* cursor, in cells from VGA_TEXT_BASE */
#define VGA_CRTC_CURSOR_LO  0x0F

#endif
