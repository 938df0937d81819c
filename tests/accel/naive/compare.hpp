// Element-by-element comparison of the model's output with the reference's,
// worded for a failure message, and a guarded output buffer that catches
// writes past the end and elements the model never wrote.
#pragma once
#include <cstdint>
#include <exception>
#include <functional>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <vector>

namespace naive::compare {

// An output buffer for the code under test: prefilled with a pattern (so an
// element left unwritten rarely matches the reference by chance) and followed
// by guard bytes that must stay untouched.
class GuardedOutput {
 public:
  explicit GuardedOutput(size_t size) : size_(size), bytes_(size + kGuard) {
    for (size_t i = 0; i < bytes_.size(); ++i) bytes_[i] = static_cast<int8_t>(i * 37 + 11);
  }
  std::span<int8_t> span() { return std::span<int8_t>(bytes_).first(size_); }
  std::span<const int8_t> values() const { return std::span<const int8_t>(bytes_).first(size_); }
  bool guard_intact() const {
    for (size_t i = size_; i < bytes_.size(); ++i) {
      if (bytes_[i] != static_cast<int8_t>(i * 37 + 11)) return false;
    }
    return true;
  }

 private:
  static constexpr size_t kGuard = 16;
  size_t size_;
  std::vector<int8_t> bytes_;
};

// Runs `run` and returns the message of anything it throws.
inline std::optional<std::string> exception_from(const std::function<void()>& run) {
  try {
    run();
  } catch (const std::exception& e) {
    return std::string(e.what());
  }
  return std::nullopt;
}

// Names an element of an output for a message, e.g. "(b=0, y=2, x=1, c=5)".
using PositionName = std::function<std::string(size_t index)>;

inline std::string nhwc_position(size_t index, uint32_t height, uint32_t width, uint32_t channels) {
  std::ostringstream os;
  const size_t c = index % channels;
  const size_t x = index / channels % width;
  const size_t y = index / channels / width % height;
  const size_t b = index / channels / width / height;
  os << "(b=" << b << ", y=" << y << ", x=" << x << ", c=" << c << ")";
  return os.str();
}

inline std::string row_column_position(size_t index, uint32_t columns) {
  std::ostringstream os;
  os << "(row=" << index / columns << ", column=" << index % columns << ")";
  return os.str();
}

// Empty when `actual` equals `expected` everywhere and the guard holds;
// otherwise the case, the first differing element and how many differ.
inline std::optional<std::string> mismatch(const std::string& description, std::span<const int8_t> expected,
                                           const GuardedOutput& actual, const PositionName& position) {
  const std::span<const int8_t> got = actual.values();
  size_t differing = 0;
  std::optional<size_t> first;
  for (size_t i = 0; i < expected.size(); ++i) {
    if (expected[i] == got[i]) continue;
    ++differing;
    if (!first) first = i;
  }
  if (!first && actual.guard_intact()) return std::nullopt;
  std::ostringstream os;
  os << description;
  if (first) {
    os << "\n  first difference at index " << *first << " " << position(*first)
       << ": reference=" << int{expected[*first]} << " model=" << int{got[*first]} << " (" << differing << " of "
       << expected.size() << " elements differ)";
  }
  if (!actual.guard_intact()) os << "\n  the model wrote past the end of its output";
  return os.str();
}

// The share of outputs strictly inside the activation range: a measure of
// how many cases test the arithmetic rather than the clamp.
struct ClampTally {
  size_t outputs = 0, inside = 0;
  void add(std::span<const int8_t> values, int32_t act_min, int32_t act_max) {
    outputs += values.size();
    for (int8_t v : values) inside += (v > act_min && v < act_max) ? 1 : 0;
  }
  double inside_share() const { return outputs == 0 ? 0.0 : static_cast<double>(inside) / outputs; }
};

}  // namespace naive::compare
