// A sweep's constraints: a small expression language over the values of the
// sweep's parameters, so that a sweep can leave out combinations that make no
// sense, e.g. "memories.flash.wait_states <= 3 or core.clock_hz > 100000000".
//
//   expression  := conjunction ('or' conjunction)*
//   conjunction := negation ('and' negation)*
//   negation    := 'not' negation | comparison
//   comparison  := operand [('<' | '<=' | '>' | '>=' | '==' | '!=') operand]
//   operand     := NUMBER | true | false | 'text' | "text" | PARAMETER | '(' expression ')'
//
// PARAMETER is a parameter's key as the sweep names it (dotted, e.g.
// core.clock_hz). A parameter's value is a number when its YAML text is one,
// true/false when it is one of those, else text. Numbers compare as numbers;
// text and booleans only with == and !=; a lone operand must be a boolean.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace sim {

// A point's parameters: key and value (YAML text, as --set takes it), in the
// sweep's order.
using ParameterValues = std::vector<std::pair<std::string, std::string>>;

struct ConstraintNode;

class Constraint {
 public:
  // Throws std::invalid_argument for a syntax error or a name that is not
  // one of `parameters`, naming the character where it is (1-based).
  static Constraint parse(const std::string& text, const std::vector<std::string>& parameters);

  // Whether the point satisfies it. Throws std::invalid_argument when the
  // values do not fit the expression (text ordered with '<', a number where
  // a boolean must be).
  bool holds(const ParameterValues& point) const;

  const std::string& text() const { return text_; }

 private:
  Constraint(std::string text, std::shared_ptr<const ConstraintNode> root)
      : text_(std::move(text)), root_(std::move(root)) {}

  std::string text_;
  std::shared_ptr<const ConstraintNode> root_;  // immutable, so copies share it
};

}  // namespace sim
