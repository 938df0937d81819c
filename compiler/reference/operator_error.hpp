// The one error the reference throws for a graph it cannot run: what is
// wrong, naming the operator as TFLite names it and its index in the source.
#pragma once

#include "compiler/graph/graph.hpp"

#include <stdexcept>
#include <string>

namespace compiler::reference {

inline std::invalid_argument operator_error(const graph::Operator& op, const std::string& what)
{
  return std::invalid_argument(std::string(graph::name_of(op.kind)) + " (operator " +
                               std::to_string(op.source_index) + "): " + what);
}

} // namespace compiler::reference
