// Where each operator of a network runs, decided once per compilation and
// shared by the memory plan (scratch), the generated C and the report:
//  - portable: every operator on the portable C kernels (workloads/nn);
//  - simd: int8 CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED on the DSP
//    kernels (workloads/nn/simd), the rest portable;
//  - accel: int8 CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED and ADD on the
//    accelerator when the device can run them on the platform's buffers
//    (accel_command.hpp); everything else on the CPU as the simd backend
//    places it when the core has DSP, else portable.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/codegen/accel_command.hpp"
#include "compiler/codegen/accel_target.hpp"
#include "compiler/codegen/backend.hpp"
#include "compiler/graph/graph.hpp"

namespace compiler::codegen {

struct Placement {
  Backend runs_on = Backend::Portable;
  std::optional<AccelCommand> accel;  // its command, when it runs on the accelerator
  // Accel backend, an operator the accelerator has a command for but cannot
  // run here: the device's reason (e.g. a row that does not fit its buffers).
  std::string refused;
};

// `dsp`: the core has the DSP extension (the simd kernels). Throws
// std::invalid_argument for the accel backend without an accelerator.
std::vector<Placement> place_operators(const graph::Graph& graph, Backend backend, bool dsp,
                                       const std::optional<AccelTarget>& accel);

}  // namespace compiler::codegen
