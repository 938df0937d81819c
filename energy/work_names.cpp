#include "energy/work_names.hpp"

namespace energy {

namespace {
using isa::WorkOp;
using isa::WorkWidth;
constexpr std::array<WorkOp, isa::kWorkOps> kOps{WorkOp::Add,  WorkOp::Multiply, WorkOp::Mac,    WorkOp::Divide,
                                                 WorkOp::Load, WorkOp::Store,    WorkOp::Branch, WorkOp::Other};
constexpr std::array<WorkWidth, isa::kWorkWidths> kWidths{WorkWidth::Int8,  WorkWidth::Int16, WorkWidth::Int32,
                                                          WorkWidth::Int64, WorkWidth::Fp32,  WorkWidth::Fp64};
constexpr std::array<std::string_view, isa::kWorkOps> kOpNames{"add",  "multiply", "mac",    "divide",
                                                               "load", "store",    "branch", "other"};
constexpr std::array<std::string_view, isa::kWorkWidths> kWidthNames{"int8", "int16", "int32", "int64", "fp32", "fp64"};
}  // namespace

std::string_view op_name(WorkOp op) { return kOpNames[static_cast<size_t>(op)]; }
std::string_view width_name(WorkWidth width) { return kWidthNames[static_cast<size_t>(width)]; }
const std::array<WorkOp, isa::kWorkOps>& all_ops() { return kOps; }
const std::array<WorkWidth, isa::kWorkWidths>& all_widths() { return kWidths; }

}  // namespace energy
