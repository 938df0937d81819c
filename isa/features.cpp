#include "isa/features.hpp"

#include <array>

namespace isa {
namespace {
constexpr std::array kCores{
    CoreProfile{"cortex-m0plus", kV6M, 2, 32, 0x410CC601},
    CoreProfile{"cortex-m3", kV6M | kV7M, 3, 240, 0x412FC231},
    CoreProfile{"cortex-m4", kV6M | kV7M | kDsp, 4, 240, 0x410FC241},
    CoreProfile{"cortex-m4f", kV6M | kV7M | kDsp | kFpSp, 4, 240, 0x410FC241},
    CoreProfile{"cortex-m7", kV6M | kV7M | kDsp | kFpSp | kFpDp | kFpV5, 3, 240, 0x411FC272},
    CoreProfile{"cortex-m33", kV6M | kV7M | kDsp | kFpSp | kFpV5 | kV8M, 3, 480, 0x410FD214},
};
}  // namespace

std::optional<CoreProfile> core_profile(std::string_view name) {
  for (const auto& c : kCores)
    if (c.name == name) return c;
  return std::nullopt;
}

std::string_view core_names() { return "cortex-m0plus, cortex-m3, cortex-m4, cortex-m4f, cortex-m7, cortex-m33"; }

}  // namespace isa
