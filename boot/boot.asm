; Multiboot v1 entry point. QEMU's -kernel and GRUB's `multiboot` both load
; a 32-bit ELF with this header in its first 8 KiB and jump to _start with
; EAX = 0x2BADB002 and EBX = physical address of the multiboot info block.

MB_MAGIC    equ 0x1BADB002
MB_FLAGS    equ 0x00000003          ; bit 0: align modules, bit 1: memory info
MB_CHECKSUM equ -(MB_MAGIC + MB_FLAGS)

STACK_SIZE  equ 16384

section .multiboot
align 4
    dd MB_MAGIC
    dd MB_FLAGS
    dd MB_CHECKSUM

section .bss
align 16
stack_bottom:
    resb STACK_SIZE
stack_top:

section .text
global _start
extern kmain
_start:
    cli
    mov esp, stack_top
    xor ebp, ebp                    ; terminates backtraces
    sub esp, 8                      ; 16-byte aligned at the call (i386 SysV ABI)
    push ebx                        ; multiboot info
    push eax                        ; multiboot magic
    call kmain
.hang:
    cli
    hlt
    jmp .hang

section .note.GNU-stack noalloc noexec nowrite progbits
