#include "bus/arbiter.hpp"

namespace bus {

std::string_view policy_name(Policy p) { return p == Policy::FixedPriority ? "fixed_priority" : "round_robin"; }

std::optional<Policy> parse_policy(std::string_view name) {
  if (name == "fixed_priority") return Policy::FixedPriority;
  if (name == "round_robin") return Policy::RoundRobin;
  return std::nullopt;
}

}  // namespace bus
