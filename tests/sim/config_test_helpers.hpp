// Helpers for the platform YAML tests: the error a text gives, and a text
// with one piece replaced (the piece must be there).
#pragma once
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/config_error.hpp"
#include "sim/platform_config.hpp"

namespace test {

inline std::string error_of(const std::string& yaml, const std::vector<sim::Override>& overrides = {}) {
  try {
    sim::parse_platform_config(yaml, "board.yaml", overrides);
  } catch (const sim::ConfigError& e) {
    return e.what();
  }
  return "(no error)";
}

inline std::string replace(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

}  // namespace test
