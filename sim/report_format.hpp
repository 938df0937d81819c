// Small pieces the text reports and their stats share.
#pragma once
#include <cstdint>
#include <string>

namespace sim {

// Kept to a width that stays readable for long names: the cut shows as '~'.
inline std::string cut(const std::string& s, size_t width) { return s.size() <= width ? s : s.substr(0, width - 1) + "~"; }

// part / whole, 0 when there is no whole.
inline double ratio(uint64_t part, uint64_t whole) {
  return whole ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

}  // namespace sim
