/* timing_m0plus.S: Cortex-M0+ timing microbenchmarks, one timing rule
 * each, timed with SysTick (the M0+ has no DWT cycle counter in edgesim;
 * timing_main.c starts SysTick on the processor clock, reload 0xFFFFFF, no
 * interrupt, and clears it before each measurement). The counter counts
 * down: elapsed = start - stop. The expected cost of each sequence, with
 * its source in the Cortex-M0+ TRM, is in tests/system/timing_expected.tsv
 * (core m0plus); tests/system/check_timing.py compares. The frame:
 * timing_bench.inc. ARMv6-M instructions only.
 *
 * Registers: r7 holds &SYST_CVR and r6 the start count during the frame;
 * sequences use r0-r5 (and lr). Loads and stores go to timing_buffer
 * (SRAM); the code and the literal pool are in flash, which the test runs
 * at zero wait states (--set memories.flash.wait_states=0), as the TRM's
 * cycle counts assume.
 */
#define SYST_CVR 0xE000E018

    .macro TIMING_ENTER
    push    {r4-r7, lr}
    ldr     r7, =SYST_CVR
    .endm
    .macro TIMING_START
    ldr     r6, [r7]
    .endm
    .macro TIMING_STOP
    ldr     r0, [r7]
    subs    r0, r6, r0
    .endm
    .macro TIMING_LEAVE
    pop     {r4-r7, pc}
    .endm
    .macro TIMING_NOP
    nop
    .endm

#include "timing_bench.inc"

    TIMING_BUFFER
    TIMING_TABLE_BEGIN

/* ---- data processing: 1 cycle each ------------------------------------ */

    .macro setup_alu
    movs    r1, #3
    movs    r2, #5
    .endm
    .macro seq_alu          @ 8 x 1
    adds    r0, r1, r2
    subs    r0, #1
    ands    r0, r1
    eors    r0, r2
    lsls    r3, r1, #3
    mvns    r4, r1
    sxtb    r5, r1
    rev     r3, r1
    .endm
    BENCH alu

    .macro setup_muls
    movs    r1, #7
    movs    r2, #9
    .endm
    .macro seq_muls         @ 2 x MULS (single-cycle multiplier)
    muls    r0, r1, r0
    muls    r2, r1, r2
    .endm
    BENCH muls

/* ---- loads and stores: 2 cycles each, no pipelining ------------------- */

    .macro setup_ldr
    ldr     r1, =timing_buffer
    movs    r4, #8
    .endm
    .macro seq_ldr          @ LDR immediate offset, LDR register offset
    ldr     r0, [r1]
    ldr     r2, [r1, r4]
    .endm
    BENCH ldr

    .macro setup_ldr_subword
    ldr     r1, =timing_buffer
    movs    r4, #8
    .endm
    .macro seq_ldr_subword  @ LDRB, LDRH, LDRSB, LDRSH
    ldrb    r0, [r1]
    ldrh    r2, [r1, #2]
    ldrsb   r3, [r1, r4]
    ldrsh   r5, [r1, r4]
    .endm
    BENCH ldr_subword

    .macro setup_ldr_literal_sp
    .endm
    .macro seq_ldr_literal_sp   @ LDR [PC, #imm] (pool after the function), LDR [SP, #imm]
    ldr     r0, =0x12345678
    ldr     r2, [sp]
    .endm
    BENCH ldr_literal_sp

    .macro setup_str
    ldr     r1, =timing_buffer
    movs    r4, #8
    .endm
    .macro seq_str          @ STR immediate offset, STRH register offset
    str     r0, [r1]
    strh    r2, [r1, r4]
    .endm
    BENCH str

    .macro setup_ldm_stm
    ldr     r1, =timing_buffer
    .endm
    .macro seq_ldm_stm      @ STMIA!, SUBS (restore), LDMIA!, SUBS: 4 registers each
    stmia   r1!, {r2-r5}
    subs    r1, #16
    ldmia   r1!, {r2-r5}
    subs    r1, #16
    .endm
    BENCH ldm_stm

    .macro setup_push_pop
    .endm
    .macro seq_push_pop     @ PUSH, POP of 4 registers
    push    {r2-r5}
    pop     {r2-r5}
    .endm
    BENCH push_pop

    .macro setup_pop_pc
    .endm
    .macro seq_pop_pc       @ ADR, ADDS (Thumb bit), PUSH 2, POP {r3, pc} to the next copy
    adr     r4, 2f
    adds    r4, #1
    push    {r3, r4}
    pop     {r3, pc}
    nop                     @ skipped: the target is not the next instruction
    nop                     @ skipped
2:
    .endm
    BENCH pop_pc

/* ---- branches ------------------------------------------------------------ */

    .macro setup_b_taken
    .endm
    .macro seq_b_taken      @ B to the next copy
    b       1f
    nop                     @ skipped
1:
    .endm
    BENCH b_taken

    .macro setup_bcond_taken
    movs    r0, #0          @ Z = 1
    .endm
    .macro seq_bcond_taken  @ BEQ taken to the next copy
    beq     1f
    nop                     @ skipped
1:
    .endm
    BENCH bcond_taken

    .macro setup_bcond_not_taken
    movs    r0, #0          @ Z = 1
    .endm
    .macro seq_bcond_not_taken  @ 2 BNE not taken
    bne     9f
    bne     9f
    .endm
    BENCH bcond_not_taken

    .macro setup_bl
    .endm
    .macro seq_bl           @ BL to the next copy
    bl      1f
    nop                     @ skipped
    nop                     @ skipped
1:
    .endm
    BENCH bl

    .macro setup_bl_next
    .endm
    .macro seq_bl_next      @ BL to the instruction right after it: still a taken branch
    bl      1f
1:
    .endm
    BENCH bl_next

    .macro setup_bx
    .endm
    .macro seq_bx           @ ADR, ADDS (Thumb bit), BX to the next copy
    adr     r0, 1f
    adds    r0, #1
    bx      r0
    nop                     @ skipped
1:
    .endm
    BENCH bx

    .macro setup_blx
    .endm
    .macro seq_blx          @ ADR, ADDS (Thumb bit), BLX to the next copy
    adr     r0, 1f
    adds    r0, #1
    blx     r0
    nop                     @ skipped
1:
    .endm
    BENCH blx

    .macro setup_mov_pc
    .endm
    .macro seq_mov_pc       @ ADR, MOV PC to the next copy
    adr     r0, 1f
    mov     pc, r0
    nop                     @ skipped
    nop                     @ skipped
1:
    .endm
    BENCH mov_pc

    .macro setup_add_pc
    movs    r4, #0
    .endm
    .macro seq_add_pc       @ ADD PC, r4 (= 0): to PC + 4, the next copy
    add     pc, r4
    nop                     @ skipped
    .endm
    BENCH add_pc

/* ---- system: MRS/MSR, barriers, hints ---------------------------------- */

    .macro setup_mrs_msr
    .endm
    .macro seq_mrs_msr      @ MRS, MSR PRIMASK (same value)
    mrs     r0, primask
    msr     primask, r0
    .endm
    BENCH mrs_msr

    .macro setup_barriers
    .endm
    .macro seq_barriers     @ ISB, DSB, DMB
    isb
    dsb
    dmb
    .endm
    BENCH barriers

    .macro setup_nop_hints
    .endm
    .macro seq_nop_hints    @ NOP, SEV, YIELD, NOP
    /* The NOP hint: GNU as assembles "nop" as MOV r8, r8 for ARMv6-M. */
    .inst.n 0xbf00          @ nop
    sev
    yield
    .inst.n 0xbf00          @ nop
    .endm
    BENCH nop_hints

    TIMING_TABLE_END
