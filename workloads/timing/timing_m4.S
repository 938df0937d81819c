/* timing_m4.S: Cortex-M4F timing microbenchmarks, one timing rule each,
 * timed with DWT_CYCCNT (timing_main.c enables it). The expected cost of
 * each sequence, with its source in the Cortex-M4 TRM, is in
 * tests/system/timing_expected.tsv (core m4); tests/system/check_timing.py
 * compares. The frame: timing_bench.inc.
 *
 * Registers: r10 holds &DWT_CYCCNT and r11 the start count during the
 * frame; sequences use r0-r9, r12, lr (all saved), s0-s15 (caller-saved).
 * Loads and stores go to timing_buffer (SRAM, zero wait states), never to
 * the registers just written by a data-processing instruction unless the
 * benchmark is about that (the address-generation interlock). A load
 * sequence that must not pipeline with the next copy's load ends with an
 * ALU instruction (ADDS r6 or ADD.W r6, which no address uses).
 */
#define DWT_CYCCNT 0xE0001004

    .macro TIMING_ENTER
    push    {r4-r11, lr}
    ldr     r10, =DWT_CYCCNT
    .endm
    .macro TIMING_START
    ldr     r11, [r10]
    .endm
    .macro TIMING_STOP
    ldr     r0, [r10]
    subs    r0, r0, r11
    .endm
    .macro TIMING_LEAVE
    pop     {r4-r11, pc}
    .endm
    .macro TIMING_NOP
    nop.n
    .endm

#include "timing_bench.inc"

    .fpu fpv4-sp-d16
    TIMING_BUFFER
    TIMING_TABLE_BEGIN

/* ---- data processing (Table 3-1): 1 cycle each ---------------------- */

    .macro setup_alu
    movs    r1, #3
    movs    r2, #5
    .endm
    .macro seq_alu          @ 8 x 1: add, sub, logic, move, compare, shifted operand
    add     r0, r1, r2
    sub     r3, r0, r1
    and     r4, r1, r2
    orr     r5, r1, r2
    eor.w   r6, r1, r2, lsl #3
    mvn     r7, r1
    cmp     r1, r2
    mov     r8, r1
    .endm
    BENCH alu

    .macro setup_movw_movt
    .endm
    .macro seq_movw_movt    @ 2 x 1
    movw    r0, #0x5678
    movt    r0, #0x1234
    .endm
    BENCH movw_movt

    .macro setup_shift_bitfield
    movs    r1, #0x5a
    movs    r2, #3
    .endm
    .macro seq_shift_bitfield   @ 6 x 1
    lsl.w   r0, r1, #4
    asr.w   r3, r1, r2
    ror.w   r4, r1, r2
    ubfx    r5, r1, #2, #5
    sbfx    r6, r1, #1, #4
    bfi     r7, r1, #8, #4
    .endm
    BENCH shift_bitfield

    .macro setup_extend_clz_rev
    ldr     r1, =0x8091a2b3
    movs    r2, #7
    .endm
    .macro seq_extend_clz_rev   @ 6 x 1
    sxtb.w  r0, r1
    uxth.w  r3, r1
    sxtab   r4, r2, r1
    clz     r5, r1
    rev.w   r6, r1
    rbit    r7, r1
    .endm
    BENCH extend_clz_rev

    .macro setup_saturate
    ldr     r1, =0x12345678
    .endm
    .macro seq_saturate     @ 4 x 1
    ssat    r0, #8, r1
    usat    r3, #8, r1
    ssat16  r4, #8, r1
    usat    r5, #16, r1, asr #4
    .endm
    BENCH saturate

/* ---- multiplies (Table 3-1): 1 cycle each ---------------------------- */

    .macro setup_mul
    movs    r1, #7
    movs    r2, #9
    movs    r3, #11
    .endm
    .macro seq_mul          @ 3 x 1
    mul     r0, r1, r2
    mla     r4, r1, r2, r3
    mls     r5, r1, r2, r3
    .endm
    BENCH mul

    .macro setup_mul_long
    movs    r1, #7
    movs    r2, #9
    .endm
    .macro seq_mul_long     @ 4 x 1
    smull   r3, r4, r1, r2
    umull   r5, r6, r1, r2
    smlal   r7, r8, r1, r2
    umlal   r9, r12, r1, r2
    .endm
    BENCH mul_long

/* ---- DSP extension (Table 3-1): 1 cycle each ------------------------- */

    .macro setup_dsp_simd
    ldr     r1, =0x7f80017f
    ldr     r2, =0x01ff8002
    .endm
    .macro seq_dsp_simd     @ 6 x 1
    sadd8   r0, r1, r2
    qadd16  r3, r1, r2
    usub8   r4, r1, r2
    sel     r5, r1, r2
    usada8  r6, r1, r2, r3
    uhadd8  r7, r1, r2
    .endm
    BENCH dsp_simd

    .macro setup_dsp_mul
    ldr     r1, =0x00030005
    ldr     r2, =0x00070002
    movs    r3, #1
    .endm
    .macro seq_dsp_mul      @ 6 x 1
    smlad   r0, r1, r2, r3
    smlabb  r4, r1, r2, r3
    smmla   r5, r1, r2, r3
    smlald  r6, r7, r1, r2
    smulbb  r8, r1, r2
    smuad   r9, r1, r2
    .endm
    BENCH dsp_mul

/* ---- divide (Table 3-1: 2 to 12, early termination) ------------------ */

    .macro setup_udiv_quotient0
    movs    r1, #5
    movs    r2, #7
    .endm
    .macro seq_udiv_quotient0   @ 5 / 7: quotient 0, the minimum
    udiv    r0, r1, r2
    .endm
    BENCH udiv_quotient0

    .macro setup_sdiv_quotient0
    movs    r1, #5
    movs    r2, #7
    .endm
    .macro seq_sdiv_quotient0   @ 5 / 7 signed: quotient 0, the minimum
    sdiv    r0, r1, r2
    .endm
    BENCH sdiv_quotient0

    .macro setup_udiv_max
    mov     r1, #0xffffffff
    movs    r2, #1
    .endm
    .macro seq_udiv_max     @ 0xFFFFFFFF / 1: 32 quotient bits, the maximum
    udiv    r0, r1, r2
    .endm
    BENCH udiv_max

/* ---- single loads and stores (3.3.2) --------------------------------- */

    .macro setup_ldr_single
    ldr     r1, =timing_buffer
    movs    r5, #8
    .endm
    .macro seq_ldr_single   @ immediate and register offset, each after an ALU op
    ldr     r0, [r1, #4]
    adds    r6, #1
    ldr     r2, [r1, r5]
    adds    r6, #1
    .endm
    BENCH ldr_single

    .macro setup_ldr_subword
    ldr     r1, =timing_buffer
    movs    r5, #8
    .endm
    .macro seq_ldr_subword  @ LDRB, LDRH, LDRSB, LDRSH, each after an ALU op
    ldrb    r0, [r1]
    adds    r6, #1
    ldrh    r2, [r1, #2]
    adds    r6, #1
    ldrsb   r3, [r1, r5]
    adds    r6, #1
    ldrsh   r4, [r1, r5]
    adds    r6, #1
    .endm
    BENCH ldr_subword

    .macro setup_ldr_literal
    .endm
    .macro seq_ldr_literal  @ LDR Rt, [PC, #imm] (pool after the function)
    ldr     r0, =0x12345678
    adds    r6, #1
    .endm
    BENCH ldr_literal

    .macro setup_ldr_pipelined
    ldr     r1, =timing_buffer
    mov     r3, r1
    movs    r5, #8
    .endm
    .macro seq_ldr_pipelined    @ 3 independent loads back to back (TRM example), ALU op
    ldr     r0, [r1, r5]
    ldr     r2, [r3]
    ldr     r4, [r3, #4]
    adds    r6, #1
    .endm
    BENCH ldr_pipelined

    .macro setup_ldr_dependent
    ldr     r1, =timing_buffer
    str     r1, [r1]            @ buffer[0] = &buffer[0]
    .endm
    .macro seq_ldr_dependent    @ the second load's base is the first one's result
    ldr     r0, [r1]
    ldr     r2, [r0]
    add.w   r6, r6, #1
    .endm
    BENCH ldr_dependent

    .macro setup_str_imm
    ldr     r1, =timing_buffer
    .endm
    .macro seq_str_imm      @ 2 STR immediate offset
    str     r0, [r1]
    str     r2, [r1, #4]
    .endm
    BENCH str_imm

    .macro setup_str_reg
    ldr     r1, =timing_buffer
    movs    r5, #8
    .endm
    .macro seq_str_reg      @ 2 STR register offset
    str     r0, [r1, r5]
    str     r2, [r1, r5]
    .endm
    BENCH str_reg

    .macro setup_str_reg_after_ldr
    ldr     r1, =timing_buffer
    add.w   r3, r1, #32
    movs    r5, #8
    .endm
    .macro seq_str_reg_after_ldr    @ LDR; STR reg offset pipelined after it (TRM example); ALU op
    ldr     r0, [r1, r5]
    str     r0, [r3, r5]
    add.w   r6, r6, #1
    .endm
    BENCH str_reg_after_ldr

    .macro setup_ldr_writeback
    ldr     r1, =timing_buffer
    add.w   r3, r1, #64
    .endm
    .macro seq_ldr_writeback    @ single, pre-index !, single, post-index: nothing pipelines
    ldr     r0, [r3]
    ldr     r2, [r1, #4]!
    ldr     r4, [r3]
    ldr     r2, [r1], #-4
    .endm
    BENCH ldr_writeback

    .macro setup_str_writeback
    ldr     r1, =timing_buffer
    .endm
    .macro seq_str_writeback    @ pre-index !, post-index (restores r1)
    str     r0, [r1, #4]!
    str     r2, [r1], #-4
    .endm
    BENCH str_writeback

    .macro setup_ldrd_strd
    ldr     r1, =timing_buffer
    .endm
    .macro seq_ldrd_strd    @ LDRD, STRD
    ldrd    r2, r3, [r1]
    strd    r2, r3, [r1, #8]
    .endm
    BENCH ldrd_strd

    .macro setup_ldm_stm
    ldr     r1, =timing_buffer
    .endm
    .macro seq_ldm_stm      @ LDM, STM of 4 registers, no writeback
    ldm.w   r1, {r2-r5}
    stm.w   r1, {r2-r5}
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
    nop.w                   @ skipped: the target is not the next instruction
2:
    .endm
    BENCH pop_pc

    .macro setup_ldr_pc
    .endm
    .macro seq_ldr_pc       @ LDR PC, [PC, #0]: the word after it, the next copy's address
    ldr.w   pc, 1f
1:
    .word   2f + 1
2:
    .endm
    BENCH ldr_pc

/* ---- address-generation interlock (3.3.2) ---------------------------- */

    .macro setup_agu_base
    ldr     r1, =timing_buffer
    .endm
    .macro seq_agu_base     @ ALU op writes the load's base register
    adds    r1, #0
    ldr     r0, [r1]
    .endm
    BENCH agu_base

    .macro setup_agu_offset
    ldr     r1, =timing_buffer
    movs    r5, #8
    .endm
    .macro seq_agu_offset   @ ALU op writes the store's offset register
    adds    r5, #0
    str     r0, [r1, r5]
    .endm
    BENCH agu_offset

/* ---- branches (Table 3-1; P = 2, 3 to a 32-bit target at 2 mod 4) ---- */

    .macro setup_b_taken
    .endm
    .macro seq_b_taken      @ B to the next copy (a 16-bit B)
    b.n     1f
    nop.n                   @ skipped
1:
    .endm
    BENCH b_taken

    .macro setup_b_taken_unaligned32
    .endm
    .macro seq_b_taken_unaligned32  @ B.W to the next copy: a 32-bit B.W at 2 mod 4
    b.w     1f
    nop.w                   @ skipped
1:
    .endm
    BENCH b_taken_unaligned32, 2

    .macro setup_bcond_taken
    movs    r0, #0          @ Z = 1
    .endm
    .macro seq_bcond_taken  @ BEQ taken to the next copy
    beq.n   1f
    nop.n                   @ skipped
1:
    .endm
    BENCH bcond_taken

    .macro setup_bcond_not_taken
    movs    r0, #0          @ Z = 1
    .endm
    .macro seq_bcond_not_taken  @ BNE not taken
    bne.w   9f
    .endm
    BENCH bcond_not_taken

    .macro setup_cbz_taken
    movs    r5, #0
    .endm
    .macro seq_cbz_taken    @ CBZ taken to the next copy
    cbz     r5, 1f
    nop.n                   @ skipped
1:
    .endm
    BENCH cbz_taken

    .macro setup_cbz_not_taken
    movs    r5, #1
    movs    r6, #0
    .endm
    .macro seq_cbz_not_taken    @ CBZ, CBNZ not taken
    cbz     r5, 9f
    cbnz    r6, 9f
    .endm
    BENCH cbz_not_taken

    .macro setup_bl
    .endm
    .macro seq_bl           @ BL to the next copy
    bl      1f
    nop.w                   @ skipped
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
    nop.n                   @ skipped
1:
    .endm
    BENCH bx

    .macro setup_blx
    .endm
    .macro seq_blx          @ ADR, ADDS (Thumb bit), BLX to the next copy
    adr     r0, 1f
    adds    r0, #1
    blx     r0
    nop.n                   @ skipped
1:
    .endm
    BENCH blx

    .macro setup_mov_pc
    .endm
    .macro seq_mov_pc       @ ADR, MOV PC to the next copy
    adr     r0, 1f
    mov     pc, r0
    nop.w                   @ skipped
1:
    .endm
    BENCH mov_pc

    .macro setup_add_pc
    movs    r5, #0
    .endm
    .macro seq_add_pc       @ ADD PC, r5 (= 0): to PC + 4, the next copy
    add     pc, r5
    nop.n                   @ skipped
    .endm
    BENCH add_pc

    .macro setup_tbb
    movs    r5, #0
    .endm
    .macro seq_tbb          @ TBB [PC, r5]: entry 0 = 2 halfwords, the next copy
    tbb     [pc, r5]
    .byte   2, 0, 0, 0
    .endm
    BENCH tbb

    .macro setup_tbh
    movs    r5, #0
    .endm
    .macro seq_tbh          @ TBH [PC, r5, LSL #1]: entry 0 = 2 halfwords, the next copy
    tbh     [pc, r5, lsl #1]
    .hword  2, 0
    .endm
    BENCH tbh

/* ---- IT (Table 3-1: IT 1; a skipped instruction 1) -------------------- */

    .macro setup_it_executed
    movs    r0, #0          @ Z = 1
    .endm
    .macro seq_it_executed  @ IT EQ; ADDEQ executes
    it      eq
    addeq   r2, #1
    .endm
    BENCH it_executed

    .macro setup_it_skipped
    ldr     r1, =timing_buffer
    movs    r2, #3
    movs    r0, #0          @ Z = 1
    .endm
    .macro seq_it_skipped   @ ITT NE; a load and a divide, both skipped
    itt     ne
    ldrne   r0, [r1]
    udivne  r3, r1, r2
    .endm
    BENCH it_skipped

/* ---- hints and barriers (Table 3-1) ----------------------------------- */

    .macro setup_nop
    .endm
    .macro seq_nop          @ NOP, NOP.W, NOP
    nop.n
    nop.w
    nop.n
    .endm
    BENCH nop

    .macro setup_isb
    .endm
    .macro seq_isb
    isb
    .endm
    BENCH isb

    .macro setup_dmb_dsb
    .endm
    .macro seq_dmb_dsb
    dmb
    dsb
    .endm
    BENCH dmb_dsb

/* ---- FPU (TRM chapter 7, FPU instruction table) ----------------------- */

    .macro setup_vfp_alu
    vmov.f32 s1, #1.5
    vmov.f32 s2, #0.25
    .endm
    .macro seq_vfp_alu      @ 10 x 1, independent destinations
    vadd.f32 s0, s1, s2
    vsub.f32 s3, s1, s2
    vmul.f32 s4, s1, s2
    vnmul.f32 s5, s1, s2
    vabs.f32 s6, s1
    vneg.f32 s7, s1
    vcmp.f32 s1, s2
    vcvt.s32.f32 s8, s1
    vmov.f32 s9, #1.0
    vmov.f32 s10, s1
    .endm
    BENCH vfp_alu

    .macro setup_vmrs_vmsr
    vmrs    r4, fpscr
    .endm
    .macro seq_vmrs_vmsr    @ VMRS to APSR, VMRS to a core register, VMSR (same value)
    vmrs    APSR_nzcv, fpscr
    vmrs    r0, fpscr
    vmsr    fpscr, r4
    .endm
    BENCH vmrs_vmsr

    .macro setup_vfp_mac
    vmov.f32 s1, #1.0
    vmov.f32 s2, #0.5
    .endm
    .macro seq_vfp_mac      @ 8 x 3, independent accumulators
    vmla.f32  s0, s1, s2
    vmls.f32  s3, s1, s2
    vnmla.f32 s4, s1, s2
    vnmls.f32 s5, s1, s2
    vfma.f32  s6, s1, s2
    vfms.f32  s7, s1, s2
    vfnma.f32 s8, s1, s2
    vfnms.f32 s9, s1, s2
    .endm
    BENCH vfp_mac

    .macro setup_vdiv
    vmov.f32 s1, #3.0
    vmov.f32 s2, #7.0
    .endm
    .macro seq_vdiv
    vdiv.f32 s0, s1, s2
    .endm
    BENCH vdiv

    .macro setup_vsqrt
    vmov.f32 s1, #3.0
    .endm
    .macro seq_vsqrt
    vsqrt.f32 s0, s1
    .endm
    BENCH vsqrt

    .macro setup_vldr_vstr_32
    ldr     r1, =timing_buffer
    .endm
    .macro seq_vldr_vstr_32     @ VLDR.32, VSTR.32, each followed by an ALU op
    vldr    s0, [r1]
    adds    r6, #1
    vstr    s1, [r1, #4]
    adds    r6, #1
    .endm
    BENCH vldr_vstr_32

    .macro setup_vldr_vstr_64
    ldr     r1, =timing_buffer
    .endm
    .macro seq_vldr_vstr_64     @ VLDR.64, VSTR.64, each followed by an ALU op
    vldr    d0, [r1]
    adds    r6, #1
    vstr    d1, [r1, #8]
    adds    r6, #1
    .endm
    BENCH vldr_vstr_64

    .macro setup_vldm_vstm
    ldr     r1, =timing_buffer
    .endm
    .macro seq_vldm_vstm    @ VLDM, VSTM of 4 words, no writeback
    vldmia  r1, {s0-s3}
    vstmia  r1, {s4-s7}
    .endm
    BENCH vldm_vstm

    .macro setup_vpush_vpop
    .endm
    .macro seq_vpush_vpop   @ VPUSH, VPOP of 4 words
    vpush   {s0-s3}
    vpop    {s0-s3}
    .endm
    BENCH vpush_vpop

    .macro setup_vmov_core_single
    movs    r0, #1
    .endm
    .macro seq_vmov_core_single     @ core -> S, S -> core
    vmov    s0, r0
    vmov    r2, s1
    .endm
    BENCH vmov_core_single

    .macro setup_vmov_core_pair
    movs    r2, #1
    movs    r3, #2
    .endm
    .macro seq_vmov_core_pair       @ 2 core <-> 2 S, 2 core <-> D
    vmov    s2, s3, r2, r3
    vmov    r4, r5, s2, s3
    vmov    d2, r2, r3
    vmov    r4, r5, d2
    .endm
    BENCH vmov_core_pair

    .macro setup_vmov_scalar
    movs    r0, #1
    .endm
    .macro seq_vmov_scalar          @ core -> D[x], D[x] -> core
    /* GNU as 2.39 refuses the 32-bit scalar forms with fpv4-sp-d16 although
     * FPv4-SP has them (ARMv7-M ARM: VMOV ARM core register to scalar,
     * scalar to ARM core register), hence the encodings. */
    .inst.w 0xee200b10      @ vmov.32 d0[1], r0
    .inst.w 0xee112b10      @ vmov.32 r2, d1[0]
    .endm
    BENCH vmov_scalar

    TIMING_TABLE_END
