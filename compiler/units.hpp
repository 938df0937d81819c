// Sizes as the compiler's and the CLI's messages print them.
#pragma once
#include <cstdint>
#include <string>

#include <fmt/format.h>

namespace compiler {

inline std::string kib(std::uint64_t bytes) { return fmt::format("{:.1f} KiB", bytes / 1024.0); }

}  // namespace compiler
