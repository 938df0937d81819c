// Shared by the isa/fp tests: FPSCR controls and flags by their manual names,
// and the (result, flags raised) pair the tests compare, printed in hex.
#pragma once
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdio>
#include <string>
#include <type_traits>

#include "isa/fp/fpscr.hpp"

namespace test::fp {

constexpr uint32_t IOC = isa::fp::kInvalid;
constexpr uint32_t DZC = isa::fp::kDivByZero;
constexpr uint32_t OFC = isa::fp::kOverflow;
constexpr uint32_t UFC = isa::fp::kUnderflow;
constexpr uint32_t IXC = isa::fp::kInexact;
constexpr uint32_t IDC = isa::fp::kInputDenormal;

// FPSCR.RMode values in place, and the other controls.
constexpr uint32_t RN = 0u << isa::fp::kRModeShift;
constexpr uint32_t RP = 1u << isa::fp::kRModeShift;
constexpr uint32_t RM = 2u << isa::fp::kRModeShift;
constexpr uint32_t RZ = 3u << isa::fp::kRModeShift;
constexpr uint32_t FZ = isa::fp::kFlushToZero;
constexpr uint32_t DN = isa::fp::kDefaultNan;
constexpr uint32_t AHP = isa::fp::kAltHalf;

template <class T>
struct Outcome {
  T value;
  uint32_t flags;
  bool operator==(const Outcome&) const = default;
};

inline std::string flag_names(uint32_t flags) {
  std::string s;
  const std::pair<uint32_t, const char*> names[] = {{IOC, "IOC"}, {DZC, "DZC"}, {OFC, "OFC"},
                                                    {UFC, "UFC"}, {IXC, "IXC"}, {IDC, "IDC"}};
  for (const auto& [bit, name] : names) {
    if (flags & bit) s += s.empty() ? name : std::string("|") + name;
  }
  return s.empty() ? "none" : s;
}

// Runs op(fpscr) from FPSCR = controls (flags clear) and returns the result
// and the flags it raised; nothing but flags may change in FPSCR.
template <class Op>
auto outcome(uint32_t controls, Op&& op) {
  uint32_t fpscr = controls;
  const auto value = op(fpscr);
  CHECK((fpscr & ~isa::fp::kFlagsMask) == controls);
  return Outcome<std::remove_cv_t<decltype(value)>>{value, fpscr & isa::fp::kFlagsMask};
}

}  // namespace test::fp

namespace Catch {
template <class T>
struct StringMaker<test::fp::Outcome<T>> {
  static std::string convert(const test::fp::Outcome<T>& o) {
    char hex[32];
    std::snprintf(hex, sizeof hex, "0x%0*llx", static_cast<int>(2 * sizeof(T)),
                  static_cast<unsigned long long>(o.value));
    return std::string(hex) + " " + test::fp::flag_names(o.flags);
  }
};
}  // namespace Catch
