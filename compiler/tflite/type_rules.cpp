#include "compiler/tflite/type_rules.hpp"

#include "compiler/tflite/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>
#include <string>

namespace compiler::tflite {
namespace {

using graph::OpKind;
using Type = schema::TensorType;

std::string type_name(Type type)
{
  std::string name = schema::EnumNameTensorType(type);
  return name.empty() ? fmt::format("type {}", static_cast<int>(type)) : name;
}

class OperatorTypes {
public:
  OperatorTypes(const schema::Operator& op, const schema::SubGraph& subgraph, std::string_view where)
    : op_(op), subgraph_(subgraph), where_(where)
  {
  }

  [[noreturn]] void fail(const std::string& what) const
  {
    throw ReadError(fmt::format("{}: {}", where_, what));
  }

  std::size_t input_count() const { return op_.inputs() ? op_.inputs()->size() : 0; }

  bool has_input(std::size_t i) const { return i < input_count() && op_.inputs()->Get(i) >= 0; }

  // The type of input i, which must be there.
  Type input_type(std::size_t i) const
  {
    if (!has_input(i))
      fail(fmt::format("has no input {}", i));
    return tensor(op_.inputs()->Get(i)).type();
  }

  void expect_input(std::size_t i, std::string_view role, std::initializer_list<Type> allowed,
                    std::string_view need) const
  {
    if (!has_input(i))
      return; // a missing required input is graph::check()'s to report
    const std::string position =
      role == "input" ? fmt::format("input {}", i) : fmt::format("{}, input {}", role, i);
    expect(tensor(op_.inputs()->Get(i)), position, allowed, need);
  }

  void expect_output(std::initializer_list<Type> allowed, std::string_view need) const
  {
    if (!op_.outputs() || op_.outputs()->size() == 0)
      fail("has no output");
    expect(tensor(op_.outputs()->Get(0)), "output", allowed, need);
  }

private:
  const schema::Tensor& tensor(std::int32_t index) const
  {
    return *subgraph_.tensors()->Get(static_cast<flatbuffers::uoffset_t>(index));
  }

  void expect(const schema::Tensor& t, const std::string& role, std::initializer_list<Type> allowed,
              std::string_view need) const
  {
    if (std::find(allowed.begin(), allowed.end(), t.type()) != allowed.end())
      return;
    const std::string name = t.name() ? t.name()->str() : std::string{};
    fail(fmt::format("tensor '{}' ({}) has type {}, but {}", name, role, type_name(t.type()), need));
  }

  const schema::Operator& op_;
  const schema::SubGraph& subgraph_;
  std::string_view where_;
};

// Convolutions and fully connected layers: weights and bias follow the
// activation type.
void check_weighted(const OperatorTypes& op, Type activation, std::string_view weights_role)
{
  if (activation == Type::INT8) {
    op.expect_input(1, weights_role, {Type::INT8}, "int8 operators need int8 weights");
    op.expect_input(2, "bias", {Type::INT32}, "int8 operators need an int32 bias");
  } else {
    op.expect_input(1, weights_role, {Type::FLOAT32, Type::INT8},
                    "float32 operators need float32 or int8 (hybrid) weights");
    op.expect_input(2, "bias", {Type::FLOAT32}, "float32 operators need a float32 bias");
  }
}

} // namespace

void check_operator_types(graph::OpKind kind, const schema::Operator& op,
                          const schema::SubGraph& subgraph, std::string_view where)
{
  const OperatorTypes types(op, subgraph, where);
  const Type activation = types.input_type(0);
  types.expect_input(0, "input", {Type::INT8, Type::FLOAT32},
                     "edgesim supports int8 and float32 activations");
  const std::string same = fmt::format("the output's type must be the input's ({})", type_name(activation));

  switch (kind) {
  case OpKind::Conv2D:
  case OpKind::DepthwiseConv2D:
    check_weighted(types, activation, "filter");
    types.expect_output({activation}, same);
    return;
  case OpKind::FullyConnected:
    check_weighted(types, activation, "weights");
    types.expect_output({activation}, same);
    return;
  case OpKind::Add:
  case OpKind::Concatenation:
    for (std::size_t i = 1; i < types.input_count(); ++i)
      types.expect_input(i, "input", {activation},
                         fmt::format("all inputs must have the first one's type ({})", type_name(activation)));
    types.expect_output({activation}, same);
    return;
  case OpKind::Reshape:
    types.expect_input(1, "shape", {Type::INT32}, "RESHAPE's shape operand must be int32");
    types.expect_output({activation}, same);
    return;
  case OpKind::AveragePool2D:
  case OpKind::MaxPool2D:
  case OpKind::Softmax:
    types.expect_output({activation}, same);
    return;
  case OpKind::Quantize:
    types.expect_output({Type::INT8}, "QUANTIZE must produce int8");
    return;
  case OpKind::Dequantize:
    types.expect_input(0, "input", {Type::INT8}, "DEQUANTIZE reads int8");
    types.expect_output({Type::FLOAT32}, "DEQUANTIZE must produce float32");
    return;
  }
}

} // namespace compiler::tflite
