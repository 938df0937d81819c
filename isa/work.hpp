// The arithmetic an instruction does, for the energy model: which operation,
// on what width, in how many lanes. Declared once per encoding row (Encoding::
// work), so counting executions per row is all the accounting the fast path
// does; energy = executions x lanes x the cost table's entry for (op, width).
#pragma once
#include <cstdint>

namespace isa {

// The classes a cost table prices (Horowitz's add and multiply, and what
// a core does besides arithmetic).
enum class WorkOp : uint8_t {
  Add,       // add, subtract, compare, absolute difference: an adder's work
  Multiply,
  Mac,       // multiply-accumulate: a multiply and an add in one
  Divide,    // divide, square root
  Load,      // the core's side of a load (the memory's side is traffic)
  Store,
  Branch,
  Other,     // logic, shifts, moves, bit fields, system, hints
};
constexpr unsigned kWorkOps = 8;

enum class WorkWidth : uint8_t { Int8, Int16, Int32, Int64, Fp32, Fp64 };
constexpr unsigned kWorkWidths = 6;

struct Work {
  WorkOp op = WorkOp::Other;
  WorkWidth width = WorkWidth::Int32;
  uint8_t lanes = 1;  // SIMD lane operations per execution: SMLAD 2, SADD8 4
};

}  // namespace isa
