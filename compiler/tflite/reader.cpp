#include "compiler/tflite/reader.hpp"

#include "compiler/graph/check.hpp"
#include "compiler/tflite/operators.hpp"
#include "compiler/tflite/schema.hpp"
#include "compiler/tflite/tensors.hpp"
#include "compiler/tflite/type_rules.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace compiler::tflite {
namespace {

namespace fs = std::filesystem;

std::vector<std::uint8_t> read_whole_file(const fs::path& path)
{
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status))
    throw ReadError(fmt::format("{}: no such file", path.string()));
  if (!fs::is_regular_file(status))
    throw ReadError(fmt::format("{}: not a regular file", path.string()));
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw ReadError(fmt::format("{}: cannot be opened: {}", path.string(), std::strerror(errno)));
  std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad())
    throw ReadError(fmt::format("{}: cannot be read: {}", path.string(), std::strerror(errno)));
  return bytes;
}

// The verifier checks every offset, vector length and string the reader
// follows lies inside the buffer, so a truncated or corrupt file is caught
// here rather than read out of bounds.
const schema::Model& verified_model(const std::vector<std::uint8_t>& bytes, std::string_view source)
{
  flatbuffers::Verifier verifier(bytes.data(), bytes.size());
  if (!schema::VerifyModelBuffer(verifier))
    throw ReadError(fmt::format("{}: not a valid TFLite model ({} bytes; truncated, corrupt, or "
                                "not a .tflite file)",
                                source, bytes.size()));
  return *schema::GetModel(bytes.data());
}

const schema::SubGraph& only_subgraph(const schema::Model& model, std::string_view source)
{
  const std::size_t n = model.subgraphs() ? model.subgraphs()->size() : 0;
  if (n == 0)
    throw ReadError(fmt::format("{}: the model has no subgraph", source));
  if (n > 1)
    throw ReadError(fmt::format("{}: the model has {} subgraphs; edgesim reads models with one "
                                "(no control flow or multiple signatures)",
                                source, n));
  return *model.subgraphs()->Get(0);
}

std::vector<int> tensor_indices(const flatbuffers::Vector<std::int32_t>* indices)
{
  if (!indices)
    return {};
  return {indices->begin(), indices->end()};
}

// Operator tensor indices in range (-1, an absent optional input, allowed
// among the inputs): the type rules look the tensors up.
void check_indices(const graph::Operator& op, std::size_t n_tensors, const std::string& where)
{
  auto in_range = [&](int index) { return index >= 0 && static_cast<std::size_t>(index) < n_tensors; };
  for (std::size_t i = 0; i < op.inputs.size(); ++i)
    if (op.inputs[i] != graph::kNoTensor && !in_range(op.inputs[i]))
      throw ReadError(fmt::format("{}: input {} refers to tensor {}, but the subgraph has {} tensors",
                                  where, i, op.inputs[i], n_tensors));
  for (std::size_t i = 0; i < op.outputs.size(); ++i)
    if (!in_range(op.outputs[i]))
      throw ReadError(fmt::format("{}: output {} refers to tensor {}, but the subgraph has {} tensors",
                                  where, i, op.outputs[i], n_tensors));
}

graph::Operator read_operator(const schema::Operator& op, int index, const schema::Model& model,
                              const schema::SubGraph& subgraph, std::string_view source)
{
  const std::size_t n_codes = model.operator_codes() ? model.operator_codes()->size() : 0;
  if (op.opcode_index() >= n_codes)
    throw ReadError(fmt::format("{}: operator {} refers to operator code {}, but the model has {}",
                                source, index, op.opcode_index(), n_codes));
  const schema::OperatorCode& code = *model.operator_codes()->Get(op.opcode_index());
  const schema::BuiltinOperator builtin = builtin_code(code);
  std::string name = operator_name(builtin);
  if (builtin == schema::BuiltinOperator::CUSTOM)
    name += fmt::format(" '{}'", code.custom_code() ? code.custom_code()->str() : std::string{});

  const std::optional<graph::OpKind> kind = supported_kind(builtin);
  if (!kind)
    throw ReadError(fmt::format("{}: operator {} ({}) is not supported; edgesim supports: {}", source,
                                index, name, supported_operator_list()));

  const std::string where = fmt::format("{}: operator {} ({})", source, index, name);
  graph::Operator result;
  result.kind = *kind;
  result.inputs = tensor_indices(op.inputs());
  result.outputs = tensor_indices(op.outputs());
  result.source_index = index;
  check_indices(result, subgraph.tensors() ? subgraph.tensors()->size() : 0, where);
  check_operator_types(*kind, op, subgraph, where);
  result.params = read_params(*kind, op, where);
  return result;
}

graph::Graph read_model(const std::vector<std::uint8_t>& bytes, std::string_view source,
                        std::string graph_name)
{
  const schema::Model& model = verified_model(bytes, source);
  const schema::SubGraph& subgraph = only_subgraph(model, source);

  graph::Graph g;
  g.name = std::move(graph_name);
  // Operators first: an unsupported operator is the most useful message.
  if (subgraph.operators())
    for (flatbuffers::uoffset_t i = 0; i < subgraph.operators()->size(); ++i)
      g.ops.push_back(read_operator(*subgraph.operators()->Get(i), static_cast<int>(i), model,
                                    subgraph, source));
  if (subgraph.tensors())
    for (flatbuffers::uoffset_t i = 0; i < subgraph.tensors()->size(); ++i)
      g.tensors.push_back(read_tensor(*subgraph.tensors()->Get(i), static_cast<int>(i), model, source));
  g.inputs = tensor_indices(subgraph.inputs());
  g.outputs = tensor_indices(subgraph.outputs());

  try {
    graph::check(g);
  } catch (const graph::GraphError& e) {
    throw ReadError(fmt::format("{}: {}", source, e.what()));
  }
  return g;
}

} // namespace

graph::Graph read_file(const std::filesystem::path& path)
{
  const std::vector<std::uint8_t> bytes = read_whole_file(path);
  return read_model(bytes, path.string(), path.stem().string());
}

graph::Graph read_bytes(std::span<const std::uint8_t> bytes, std::string_view name)
{
  // A copy: the flatbuffer accessors expect the buffer's start aligned as
  // an allocation is, which a caller's span need not be.
  const std::vector<std::uint8_t> owned(bytes.begin(), bytes.end());
  return read_model(owned, name, std::string(name));
}

} // namespace compiler::tflite
