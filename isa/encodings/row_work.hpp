// The Work (isa/work.hpp) that encoding rows declare, named so that a row
// reads like the manual's description of the instruction. The rules behind
// the values, where the manual leaves a choice:
//  - The width is that of the widest source operand of the arithmetic:
//    SMULL (32x32->64) and SMLAW<y> (32x16) are Int32, VCVT.F32.F64 is Fp64.
//  - Products that are summed are one MAC each, with or without an
//    accumulator register: SMUAD and SMLAD are both 2 Int16 MACs (the adder
//    that sums the products is the MACs' adder).
//  - The long multiply-accumulates (SMLAL, UMLAL, UMAAL) are one Int32 MAC:
//    the 32x32 multiplier is the work; the 64-bit add is its accumulate.
//  - Lanes count SIMD lane operations; reducing the lanes (USAD8's sum) is
//    not counted apart.
//  - Other (moves, logic, shifts, bit fields, extends, saturation, SEL,
//    system, hints) is priced per instruction: one lane, at Int32 or the FP
//    width.
//  - Loads and stores count once per instruction at the access width (LDM
//    Int32, LDRD Int64, VLDM.64 Fp64); the bytes moved are memory traffic,
//    counted elsewhere.
#pragma once
#include <cstdint>

#include "isa/work.hpp"

namespace isa::enc {

constexpr Work work(WorkOp op, WorkWidth width, uint8_t lanes = 1) { return Work{op, width, lanes}; }

// Integer, one operation
constexpr Work add32 = work(WorkOp::Add, WorkWidth::Int32);
constexpr Work mul32 = work(WorkOp::Multiply, WorkWidth::Int32);
constexpr Work mac32 = work(WorkOp::Mac, WorkWidth::Int32);
constexpr Work div32 = work(WorkOp::Divide, WorkWidth::Int32);
constexpr Work mul16 = work(WorkOp::Multiply, WorkWidth::Int16);
constexpr Work mac16 = work(WorkOp::Mac, WorkWidth::Int16);
constexpr Work other = work(WorkOp::Other, WorkWidth::Int32);
constexpr Work branch = work(WorkOp::Branch, WorkWidth::Int32);

// SIMD within a register (ARMv7E-M DSP)
constexpr Work add8x4 = work(WorkOp::Add, WorkWidth::Int8, 4);
constexpr Work add16x2 = work(WorkOp::Add, WorkWidth::Int16, 2);
constexpr Work mac16x2 = work(WorkOp::Mac, WorkWidth::Int16, 2);

// Core register loads and stores, by access width
constexpr Work load8 = work(WorkOp::Load, WorkWidth::Int8);
constexpr Work load16 = work(WorkOp::Load, WorkWidth::Int16);
constexpr Work load32 = work(WorkOp::Load, WorkWidth::Int32);
constexpr Work load64 = work(WorkOp::Load, WorkWidth::Int64);
constexpr Work store8 = work(WorkOp::Store, WorkWidth::Int8);
constexpr Work store16 = work(WorkOp::Store, WorkWidth::Int16);
constexpr Work store32 = work(WorkOp::Store, WorkWidth::Int32);
constexpr Work store64 = work(WorkOp::Store, WorkWidth::Int64);

// Floating point: any operation, single or double precision
constexpr Work fp32(WorkOp op) { return work(op, WorkWidth::Fp32); }
constexpr Work fp64(WorkOp op) { return work(op, WorkWidth::Fp64); }

}  // namespace isa::enc
