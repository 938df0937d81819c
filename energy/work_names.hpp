// The names the cost tables and the stats give isa::WorkOp and
// isa::WorkWidth: "add", "mac", ...; "int8", "fp32", ...
#pragma once
#include <array>
#include <string_view>

#include "isa/work.hpp"

namespace energy {

std::string_view op_name(isa::WorkOp op);
std::string_view width_name(isa::WorkWidth width);

// Every operation and width, in enum order (for tables and stats).
const std::array<isa::WorkOp, isa::kWorkOps>& all_ops();
const std::array<isa::WorkWidth, isa::kWorkWidths>& all_widths();

}  // namespace energy
