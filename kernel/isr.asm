; Interrupt entry stubs. Every vector pushes a uniform frame (a dummy error
; code where the CPU pushes none, then the vector number), saves the general
; registers and calls interrupt_dispatch(struct trapframe *).

extern interrupt_dispatch

; GDT_KERNEL_CODE, GDT_KERNEL_DATA, T_IRQ0 and T_NVECTORS come from
; include/kernel/trap.h: the Makefile passes them with -D.
%ifndef T_NVECTORS
%error "assemble with the -D values the Makefile takes from include/kernel/trap.h"
%endif

%macro ISR_NOERR 1
global isr%1
isr%1:
    push dword 0
    push dword %1
    jmp isr_common
%endmacro

%macro ISR_ERR 1
global isr%1
isr%1:
    push dword %1
    jmp isr_common
%endmacro

section .text
isr_common:
    pushad
    push ds
    push es
    mov ax, GDT_KERNEL_DATA
    mov ds, ax
    mov es, ax
    cld
    push esp                    ; struct trapframe *
    call interrupt_dispatch
    add esp, 4
    pop es
    pop ds
    popad
    add esp, 8                  ; vector and error code
    iretd

; CPU exceptions: 8, 10-14, 17, 21, 29, 30 push an error code.
ISR_NOERR 0
ISR_NOERR 1
ISR_NOERR 2
ISR_NOERR 3
ISR_NOERR 4
ISR_NOERR 5
ISR_NOERR 6
ISR_NOERR 7
ISR_ERR   8
ISR_NOERR 9
ISR_ERR   10
ISR_ERR   11
ISR_ERR   12
ISR_ERR   13
ISR_ERR   14
ISR_NOERR 15
ISR_NOERR 16
ISR_ERR   17
ISR_NOERR 18
ISR_NOERR 19
ISR_NOERR 20
ISR_ERR   21
ISR_NOERR 22
ISR_NOERR 23
ISR_NOERR 24
ISR_NOERR 25
ISR_NOERR 26
ISR_NOERR 27
ISR_NOERR 28
ISR_ERR   29
ISR_ERR   30
ISR_NOERR 31
; Hardware IRQs 0-15, remapped by the PIC to vectors T_IRQ0 and up, then the
; vectors up to T_LAPIC_SPURIOUS, which only the local APIC could raise.
%assign v T_IRQ0
%rep T_NVECTORS - T_IRQ0
ISR_NOERR v
%assign v v+1
%endrep

section .rodata
global isr_table
isr_table:
%assign v 0
%rep T_NVECTORS
    dd isr %+ v
%assign v v+1
%endrep

section .text
; gdt_load(struct table_ptr *): load the GDT and reload every segment register.
global gdt_load
gdt_load:
    mov eax, [esp + 4]
    lgdt [eax]
    mov ax, GDT_KERNEL_DATA
    mov ds, ax
    mov es, ax
    mov fs, ax
    mov gs, ax
    mov ss, ax
    jmp GDT_KERNEL_CODE:.flush
.flush:
    ret

section .note.GNU-stack noalloc noexec nowrite progbits
