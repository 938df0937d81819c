#include "compiler/codegen/c_text.hpp"

#include <cmath>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>

namespace compiler::codegen {

std::string_view c_type(graph::DataType type) {
  switch (type) {
    case graph::DataType::Float32: return "float";
    case graph::DataType::Int8: return "int8_t";
    case graph::DataType::Int16: return "int16_t";
    case graph::DataType::Int32: return "int32_t";
    case graph::DataType::Int64: return "int64_t";
    case graph::DataType::UInt8: return "uint8_t";
    case graph::DataType::Bool: return "uint8_t";
  }
  throw std::logic_error("c_type: unknown type");
}

std::string float_literal(float v) {
  if (std::isnan(v)) return "NAN";
  if (std::isinf(v)) return v > 0 ? "INFINITY" : "-INFINITY";
  return fmt::format("{:a}f", v);
}

namespace {

template <typename T>
T element(std::span<const std::uint8_t> bytes, std::size_t i) {
  T v;
  std::memcpy(&v, bytes.data() + i * sizeof(T), sizeof(T));
  return v;
}

std::string value_text(graph::DataType type, std::span<const std::uint8_t> bytes, std::size_t i) {
  switch (type) {
    case graph::DataType::Float32: return float_literal(element<float>(bytes, i));
    case graph::DataType::Int8: return std::to_string(element<std::int8_t>(bytes, i));
    case graph::DataType::Int16: return std::to_string(element<std::int16_t>(bytes, i));
    case graph::DataType::Int32: {
      const auto v = element<std::int32_t>(bytes, i);
      return v == INT32_MIN ? "INT32_MIN" : std::to_string(v);
    }
    case graph::DataType::Int64: return std::to_string(element<std::int64_t>(bytes, i)) + "LL";
    case graph::DataType::UInt8:
    case graph::DataType::Bool: return std::to_string(element<std::uint8_t>(bytes, i));
  }
  throw std::logic_error("value_text: unknown type");
}

}  // namespace

std::string const_array(graph::DataType type, const std::string& name, std::span<const std::uint8_t> bytes) {
  const std::size_t n = bytes.size() / graph::size_of(type);
  std::string s = fmt::format("static const {} {}[{}] __attribute__((aligned(4))) = {{", c_type(type), name, n);
  for (std::size_t i = 0; i < n; ++i) {
    s += (i % 16 == 0) ? "\n  " : " ";
    s += value_text(type, bytes, i);
    s += ',';
  }
  s += "\n};\n";
  return s;
}

std::string const_floats(const std::string& name, std::span<const float> values) {
  return const_array(graph::DataType::Float32, name,
                     {reinterpret_cast<const std::uint8_t*>(values.data()), values.size() * sizeof(float)});
}

std::string comment_text(std::string_view text) {
  std::string s(text);
  for (std::size_t p; (p = s.find("*/")) != std::string::npos;) s.replace(p, 2, "* /");
  return s;
}

}  // namespace compiler::codegen
