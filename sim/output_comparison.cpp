#include "sim/output_comparison.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>

#include "compiler/reference/tensor_data.hpp"

namespace sim {

namespace {

using compiler::graph::DataType;
using compiler::reference::from_bytes;

template <typename T>
std::vector<std::int64_t> widened(std::span<const std::uint8_t> bytes) {
  const std::vector<T> values = from_bytes<T>(bytes);
  return std::vector<std::int64_t>(values.begin(), values.end());
}

// The raw integer values of an integer tensor.
std::vector<std::int64_t> integers(DataType type, std::span<const std::uint8_t> bytes) {
  switch (type) {
    case DataType::Int8: return widened<std::int8_t>(bytes);
    case DataType::UInt8: return widened<std::uint8_t>(bytes);
    case DataType::Bool: return widened<std::uint8_t>(bytes);
    case DataType::Int16: return widened<std::int16_t>(bytes);
    case DataType::Int32: return widened<std::int32_t>(bytes);
    case DataType::Int64: return widened<std::int64_t>(bytes);
    case DataType::Float32: break;
  }
  throw std::logic_error("integers() of a float tensor");
}

// |a - b| without overflow (int64 outputs), saturated.
std::int64_t distance(std::int64_t a, std::int64_t b) {
  const __int128 d = static_cast<__int128>(a) - b;
  const __int128 magnitude = d < 0 ? -d : d;
  const __int128 limit = std::numeric_limits<std::int64_t>::max();
  return static_cast<std::int64_t>(magnitude > limit ? limit : magnitude);
}

}  // namespace

OutputComparison::OutputComparison(const compiler::graph::Tensor& tensor, double float_tolerance)
    : type_(tensor.type), tensor_bytes_(tensor.bytes()), tolerance_(float_tolerance) {}

bool OutputComparison::add(std::span<const std::uint8_t> actual, std::span<const std::uint8_t> expected) {
  if (actual.size() != tensor_bytes_ || expected.size() != tensor_bytes_)
    throw std::invalid_argument(fmt::format("{} bytes where the tensor has {} (reference: {})", actual.size(),
                                            tensor_bytes_, expected.size()));
  last_difference_.clear();
  const bool match = is_float() ? add_floats(actual, expected) : add_integers(actual, expected);
  ++inputs_;
  if (match) ++matching_inputs_;
  return match;
}

bool OutputComparison::add_integers(std::span<const std::uint8_t> actual, std::span<const std::uint8_t> expected) {
  const auto a = integers(type_, actual);
  const auto e = integers(type_, expected);
  std::size_t differing = 0, first = 0;
  std::int64_t worst = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::int64_t d = distance(a[i], e[i]);
    if (d == 0) continue;
    if (differing++ == 0) first = i;
    worst = std::max(worst, d);
  }
  elements_ += a.size();
  exact_elements_ += a.size() - differing;
  max_steps_ = std::max(max_steps_, worst);
  if (differing == 0) {
    ++exact_inputs_;
    return true;
  }
  last_difference_ = fmt::format("{} of {} elements differ, by up to {} steps (element {}: {}, expected {})",
                                 differing, a.size(), worst, first, a[first], e[first]);
  return false;
}

bool OutputComparison::add_floats(std::span<const std::uint8_t> actual, std::span<const std::uint8_t> expected) {
  const auto a = from_bytes<float>(actual);
  const auto e = from_bytes<float>(expected);
  constexpr double kInfinity = std::numeric_limits<double>::infinity();
  std::size_t exact = 0, outside = 0, worst = 0;
  double worst_excess = -kInfinity;  // |a - e| - tolerance * |e|: the element furthest outside (or nearest to it)
  for (std::size_t i = 0; i < a.size(); ++i) {
    const double x = a[i], y = e[i];
    const bool both_nan = std::isnan(x) && std::isnan(y);
    const double abs_error = both_nan ? 0.0 : (std::isnan(x) || std::isnan(y)) ? kInfinity : std::fabs(x - y);
    const double rel_error = abs_error == 0.0 ? 0.0 : y != 0.0 ? abs_error / std::fabs(y) : kInfinity;
    if (abs_error == 0.0) ++exact;
    max_abs_ = std::max(max_abs_, abs_error);
    max_rel_ = std::max(max_rel_, rel_error);
    const double excess = abs_error - tolerance_ * std::fabs(y);
    if (excess > 0) ++outside;
    if (excess > worst_excess) {
      worst_excess = excess;
      worst = i;
    }
  }
  elements_ += a.size();
  exact_elements_ += exact;
  if (exact == a.size()) ++exact_inputs_;
  if (outside == 0) return true;
  last_difference_ = fmt::format("{} of {} elements differ by more than {} relative (element {}: {}, expected {})",
                                 outside, a.size(), tolerance_, worst, a[worst], e[worst]);
  return false;
}

}  // namespace sim
