// Pieces of C source text: array initialisers that reproduce constants
// exactly (floats as hexadecimal literals) and identifiers from tensor names.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "compiler/graph/graph.hpp"

namespace compiler::codegen {

// "int8_t", "int32_t", "float", ...
std::string_view c_type(graph::DataType type);

// `static const T name[n] __attribute__((aligned(4))) = {...};` from
// little-endian element bytes, 16 values per line.
std::string const_array(graph::DataType type, const std::string& name, std::span<const std::uint8_t> bytes);
std::string const_floats(const std::string& name, std::span<const float> values);

// An exact C literal of a float (hexadecimal; infinities as INFINITY).
std::string float_literal(float v);

// A C comment's text with "*/" defused.
std::string comment_text(std::string_view text);

}  // namespace compiler::codegen
