#include "sim/sweep_constraint.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>
#include <stdexcept>
#include <variant>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace sim {

using Value = std::variant<double, bool, std::string>;

struct ConstraintNode {
  enum class Kind { Or, And, Not, Compare, Literal, Parameter };
  Kind kind;
  std::string op;  // Compare: "<", "<=", ...
  std::vector<std::shared_ptr<const ConstraintNode>> args;
  Value literal;          // Literal
  std::string parameter;  // Parameter
};

namespace {

using NodePtr = std::shared_ptr<const ConstraintNode>;

std::string type_name(const Value& v) {
  return std::holds_alternative<double>(v) ? "a number" : std::holds_alternative<bool>(v) ? "a boolean" : "text";
}

std::string shown(const Value& v) {
  if (const auto* d = std::get_if<double>(&v)) return fmt::format("{:g}", *d);
  if (const auto* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  return fmt::format("'{}'", std::get<std::string>(v));
}

// A whole string that is a finite number (from_chars: no leading '+').
std::optional<double> as_number(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// A parameter's YAML text as the language sees it.
Value value_of_text(const std::string& text) {
  if (const auto n = as_number(text)) return *n;
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  return text;
}

// Recursive descent over the text; `at_` is the next character's index.
class Parser {
 public:
  Parser(const std::string& text, const std::vector<std::string>& parameters) : text_(text), parameters_(parameters) {}

  NodePtr parse() {
    NodePtr root = expression();
    skip_space();
    if (at_ < text_.size()) fail("expected 'and', 'or' or the end");
    return root;
  }

 private:
  [[noreturn]] void fail(const std::string& message) const {
    const std::string near = at_ < text_.size() ? fmt::format(" at '{}'", text_.substr(at_, 12)) : " at the end";
    throw std::invalid_argument(fmt::format("character {}{}: {}", at_ + 1, near, message));
  }

  void skip_space() {
    while (at_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[at_]))) ++at_;
  }

  static bool name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
  // Platform names may hold '-' (there is no arithmetic to confuse it with).
  static bool name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
  }

  // The name (key or keyword) starting here, without consuming it.
  std::string peek_name() {
    skip_space();
    if (at_ >= text_.size() || !name_start(text_[at_])) return {};
    std::size_t end = at_;
    while (end < text_.size() && name_char(text_[end])) ++end;
    return text_.substr(at_, end - at_);
  }

  bool take_word(std::string_view word) {
    if (peek_name() != word) return false;
    at_ += word.size();
    return true;
  }

  static NodePtr node(ConstraintNode n) { return std::make_shared<const ConstraintNode>(std::move(n)); }

  NodePtr expression() {
    NodePtr left = conjunction();
    while (take_word("or")) left = node({ConstraintNode::Kind::Or, "", {left, conjunction()}, {}, {}});
    return left;
  }

  NodePtr conjunction() {
    NodePtr left = negation();
    while (take_word("and")) left = node({ConstraintNode::Kind::And, "", {left, negation()}, {}, {}});
    return left;
  }

  NodePtr negation() {
    if (take_word("not")) return node({ConstraintNode::Kind::Not, "", {negation()}, {}, {}});
    return comparison();
  }

  NodePtr comparison() {
    NodePtr left = operand();
    skip_space();
    for (const std::string_view op : {"<=", ">=", "==", "!=", "<", ">"}) {
      if (text_.compare(at_, op.size(), op) != 0) continue;
      at_ += op.size();
      return node({ConstraintNode::Kind::Compare, std::string(op), {left, operand()}, {}, {}});
    }
    return left;
  }

  NodePtr operand() {
    skip_space();
    if (at_ >= text_.size()) fail("expected a value, a parameter or '('");
    const char c = text_[at_];
    if (c == '(') {
      ++at_;
      NodePtr inner = expression();
      skip_space();
      if (at_ >= text_.size() || text_[at_] != ')') fail("expected ')'");
      ++at_;
      return inner;
    }
    if (c == '\'' || c == '"') {
      const std::size_t close = text_.find(c, at_ + 1);
      if (close == std::string::npos) fail("text without its closing quote");
      const std::string quoted = text_.substr(at_ + 1, close - at_ - 1);
      at_ = close + 1;
      return node({ConstraintNode::Kind::Literal, "", {}, quoted, {}});
    }
    if (const std::string name = peek_name(); !name.empty()) {
      if (name == "true" || name == "false") {
        at_ += name.size();
        return node({ConstraintNode::Kind::Literal, "", {}, name == "true", {}});
      }
      if (std::find(parameters_.begin(), parameters_.end(), name) == parameters_.end())
        fail(fmt::format("'{}' is not a parameter of the sweep (parameters: {}; quote text: 'word')", name,
                         parameters_.empty() ? std::string("none") : fmt::format("{}", fmt::join(parameters_, ", "))));
      at_ += name.size();
      return node({ConstraintNode::Kind::Parameter, "", {}, {}, name});
    }
    // A number: the longest run of number characters, which must parse whole.
    std::size_t end = at_;
    while (end < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[end])) || text_[end] == '.' ||
                                  text_[end] == '-' || text_[end] == '+'))
      ++end;
    const auto number = as_number(std::string_view(text_).substr(at_, end - at_));
    if (end == at_ || !number) fail("expected a number, true, false, 'text', a parameter or '('");
    at_ = end;
    return node({ConstraintNode::Kind::Literal, "", {}, *number, {}});
  }

  const std::string& text_;
  const std::vector<std::string>& parameters_;
  std::size_t at_ = 0;
};

Value evaluate(const ConstraintNode& n, const ParameterValues& point);

bool truth(const ConstraintNode& n, const ParameterValues& point) {
  const Value v = evaluate(n, point);
  if (const auto* b = std::get_if<bool>(&v)) return *b;
  throw std::invalid_argument(fmt::format("{} where true or false is needed", shown(v)));
}

bool compare(const std::string& op, const Value& a, const Value& b) {
  if (a.index() != b.index())
    throw std::invalid_argument(fmt::format("{} {} {}: {} compared with {}", shown(a), op, shown(b), type_name(a), type_name(b)));
  if (op == "==") return a == b;
  if (op == "!=") return a != b;
  if (!std::holds_alternative<double>(a))
    throw std::invalid_argument(fmt::format("{} {} {}: only numbers have an order", shown(a), op, shown(b)));
  const double x = std::get<double>(a), y = std::get<double>(b);
  return op == "<" ? x < y : op == "<=" ? x <= y : op == ">" ? x > y : x >= y;
}

Value evaluate(const ConstraintNode& n, const ParameterValues& point) {
  switch (n.kind) {
    case ConstraintNode::Kind::Or: return truth(*n.args[0], point) || truth(*n.args[1], point);
    case ConstraintNode::Kind::And: return truth(*n.args[0], point) && truth(*n.args[1], point);
    case ConstraintNode::Kind::Not: return !truth(*n.args[0], point);
    case ConstraintNode::Kind::Compare: return compare(n.op, evaluate(*n.args[0], point), evaluate(*n.args[1], point));
    case ConstraintNode::Kind::Literal: return n.literal;
    case ConstraintNode::Kind::Parameter: {
      const auto it = std::find_if(point.begin(), point.end(), [&](const auto& kv) { return kv.first == n.parameter; });
      if (it == point.end()) throw std::invalid_argument(fmt::format("the point has no value for '{}'", n.parameter));
      return value_of_text(it->second);
    }
  }
  throw std::logic_error("unknown constraint node");
}

}  // namespace

Constraint Constraint::parse(const std::string& text, const std::vector<std::string>& parameters) {
  return Constraint(text, Parser(text, parameters).parse());
}

bool Constraint::holds(const ParameterValues& point) const { return truth(*root_, point); }

}  // namespace sim
