// Which TFLite operators edgesim reads, and their options as the graph's
// operator parameters.
#pragma once

#include "compiler/graph/graph.hpp"
#include "compiler/tflite/schema.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace compiler::tflite {

// The operator an OperatorCode names. Newer files write the code into
// builtin_code and a copy saturated at 127 into deprecated_builtin_code;
// older ones only the latter. The larger of the two is the operator.
schema::BuiltinOperator builtin_code(const schema::OperatorCode& code);

// TFLite's name ("TANH"), or "builtin code 250" for a value the schema does
// not know.
std::string operator_name(schema::BuiltinOperator code);

// The graph's operator kind for a supported operator, nullopt otherwise.
std::optional<graph::OpKind> supported_kind(schema::BuiltinOperator code);

// "CONV_2D, DEPTHWISE_CONV_2D, ...": for messages.
std::string supported_operator_list();

// The operator's options as graph parameters. Throws ReadError, its message
// starting with `where` ("model.tflite: operator 3 (CONV_2D)"), when a
// needed options table is missing, the fused activation is not one edgesim
// supports, or an option asks for something edgesim does not do.
graph::OpParams read_params(graph::OpKind kind, const schema::Operator& op, std::string_view where);

} // namespace compiler::tflite
