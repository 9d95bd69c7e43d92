; A kernel written outside TraceOS that speaks the harness's contract
; (docs/contract.md): a multiboot v1 header, markers written to the trace
; device's MARK register, a line on COM1, and the verdict through
; isa-debug-exit. Nothing here comes from the TraceOS headers, on purpose.
; Built and run by `make test` (examples/minimal/minimal.cfg).

MB_MAGIC    equ 0x1BADB002
MB_FLAGS    equ 0
TRACE_MARK  equ 0xFF000000          ; MARK register (trace base + 0)
TRACE_DATA  equ 0xFF000004          ; DATA register: the next CHECK's value
COM1        equ 0x3F8
DEBUG_EXIT  equ 0xF4
PASS        equ 0x10                ; QEMU exits with (0x10 << 1) | 1 = 33

; marker word: 0x7A magic, kind in bits 23:20, phase in 19:12, argument in 11:0
%define MARK(kind, phase, arg) (0x7A000000 | (kind << 20) | (phase << 12) | (arg))
PHASE       equ 0x40                ; a phase of this kernel's own (0x40-0xFF)

section .text                       ; the header first: within the file's first 8 KiB
align 4
    dd MB_MAGIC, MB_FLAGS, -(MB_MAGIC + MB_FLAGS)

global _start
_start:
    mov dword [TRACE_MARK], MARK(1, PHASE, 0)   ; begin
    mov esi, hello
.putc:
    lodsb
    test al, al
    jz .done
    mov dx, COM1
    out dx, al
    jmp .putc
.done:
    mov dword [TRACE_DATA], 0x12345678
    mov dword [TRACE_MARK], MARK(3, PHASE, 1)   ; check, tag 1, value from DATA
    mov dword [TRACE_MARK], MARK(2, PHASE, 0)   ; end, status 0
    mov dword [TRACE_MARK], MARK(4, 7, 0)       ; verdict pass (phase 7: run)
    mov al, PASS
    out DEBUG_EXIT, al
.hang:
    cli
    hlt
    jmp .hang

section .rodata
hello: db "minimal: hello from a kernel outside TraceOS", 13, 10, 0

section .note.GNU-stack noalloc noexec nowrite progbits
