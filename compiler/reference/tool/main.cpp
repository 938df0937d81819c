// edgesim_reference: runs a TFLite model on the host reference and writes
// its outputs' bytes, for comparisons with other implementations (Arm NN in
// scripts/armnn_compare.py, firmware dumps).
//
//   edgesim_reference MODEL.tflite|NETWORK.yaml -o OUT.bin (--inputs IN.bin | --random N [--seed S])
//                     [--save-inputs IN.bin] [--tensor NAME]... [--operator-outputs] [--operator K]
//                     [--exits-taken FILE] [--no-exits]
//   edgesim_reference MODEL.tflite --list-operators
//
// Files hold raw little-endian tensor bytes, one inference after another
// (inference_bytes.hpp). --tensor writes the named tensors (intermediates
// too) instead of the graph's outputs; --operator-outputs writes every
// operator's outputs in execution order (a TFLite model's operator order):
// both for layer-by-layer comparisons. --operator K runs operator K alone
// (its position in the model), its inputs file holding the operator's
// activation inputs: a layer checked on another implementation's inputs.
// --list-operators prints one line per operator: its position, TFLite name
// and, for each activation input, the position of the operator writing it
// (-1: a network input), e.g. "11 ADD 10,7".
// A network with early exits (network YAML `exits:`) writes, as its firmware's
// `output` holds, the scores of the exit each inference takes (the final
// output with --no-exits); --exits-taken writes that exit's number (1 for the
// first, up to the final one) as one byte per inference, and a summary of the
// exits taken goes to stderr.
// Exit codes: 0 done, 1 the model or an input could not be read or run,
// 2 a usage error.
#include "compiler/reference/exit_decision.hpp"
#include "compiler/reference/interpreter.hpp"
#include "compiler/reference/tool/inference_bytes.hpp"
#include "compiler/reference/tool/random_inputs.hpp"
#include "compiler/reference/tool/single_operator.hpp"
#include "compiler/network/network.hpp"
#include "compiler/tflite/reader.hpp"

#include <boost/program_options.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace po = boost::program_options;
namespace fs = std::filesystem;
using namespace compiler;
using reference::Bytes;
using reference::tool::Inference;

namespace {

constexpr int kRunError = 1;
constexpr int kUsageError = 2;

struct Options {
  fs::path model;
  fs::path output;
  std::optional<fs::path> inputs;
  std::optional<int> random_count;
  std::uint64_t seed = 1;
  std::optional<fs::path> save_inputs;
  std::vector<std::string> tensor_names;
  bool operator_outputs = false;
  std::optional<int> single_operator;
  bool list_operators = false;
  std::optional<fs::path> exits_taken;
  bool no_exits = false;
};

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

Options parse(int argc, char** argv)
{
  Options o;
  std::string model, output, inputs, save_inputs, exits_taken;
  int random_count = 0;
  po::options_description named("Options");
  named.add_options()
    ("help,h", "this message")
    ("output,o", po::value(&output), "file to write the outputs' bytes to")
    ("inputs", po::value(&inputs), "file of input bytes, one inference after another")
    ("random", po::value(&random_count), "run N seeded random inputs instead")
    ("seed", po::value(&o.seed), "seed of --random (default 1)")
    ("save-inputs", po::value(&save_inputs), "also write the random inputs' bytes to this file")
    ("tensor", po::value(&o.tensor_names), "write this tensor (by name) instead of the outputs; repeatable")
    ("operator-outputs", po::bool_switch(&o.operator_outputs), "write every operator's outputs, in order, instead")
    ("operator", po::value<int>(), "run only operator K, on its activation inputs")
    ("list-operators", po::bool_switch(&o.list_operators), "print each operator and where its inputs come from")
    ("exits-taken", po::value(&exits_taken), "early-exit networks: write the exit each inference takes (a byte, from 1)")
    ("no-exits", po::bool_switch(&o.no_exits), "early-exit networks: write the final output, as if no exit were taken");
  po::options_description hidden;
  hidden.add_options()("model", po::value(&model));
  po::options_description all;
  all.add(named).add(hidden);
  po::positional_options_description positional;
  positional.add("model", 1);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  if (vm.count("help")) {
    std::cout << "usage: edgesim_reference MODEL.tflite|NETWORK.yaml -o OUT.bin (--inputs IN.bin | --random N [--seed S])\n"
                 "                         [--save-inputs IN.bin] [--tensor NAME]... [--operator-outputs] [--operator K]\n"
                 "                         [--exits-taken FILE] [--no-exits]\n"
                 "       edgesim_reference MODEL.tflite --list-operators\n"
              << named;
    std::exit(0);
  }
  if (model.empty())
    throw UsageError("no model given");
  o.model = model;
  if (o.list_operators)
    return o;
  if (output.empty())
    throw UsageError("no output file given (-o)");
  if (vm.count("inputs") == vm.count("random"))
    throw UsageError("give exactly one of --inputs FILE and --random N");
  if (vm.count("random") && random_count <= 0)
    throw UsageError("--random needs a positive count");
  if (!o.tensor_names.empty() && o.operator_outputs)
    throw UsageError("give at most one of --tensor and --operator-outputs");
  if (vm.count("save-inputs") && !vm.count("random"))
    throw UsageError("--save-inputs goes with --random");
  o.output = output;
  if (vm.count("operator"))
    o.single_operator = vm["operator"].as<int>();
  if (vm.count("inputs"))
    o.inputs = inputs;
  if (vm.count("random"))
    o.random_count = random_count;
  if (vm.count("save-inputs"))
    o.save_inputs = save_inputs;
  if (vm.count("exits-taken"))
    o.exits_taken = exits_taken;
  return o;
}

Bytes read_bytes(const fs::path& path)
{
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw std::runtime_error("cannot open " + path.string());
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void write_bytes(const fs::path& path, const Bytes& bytes)
{
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (!out)
    throw std::runtime_error("cannot write " + path.string());
}

int tensor_named(const graph::Graph& g, const std::string& name)
{
  for (std::size_t i = 0; i < g.tensors.size(); ++i)
    if (g.tensors[i].name == name)
      return static_cast<int>(i);
  throw std::runtime_error(g.name + " has no tensor named '" + name + "'");
}

std::vector<int> written_tensors(const Options& o, const graph::Graph& g)
{
  std::vector<int> written;
  if (o.operator_outputs) {
    for (const graph::Operator& op : g.ops)
      written.insert(written.end(), op.outputs.begin(), op.outputs.end());
  } else if (!o.tensor_names.empty()) {
    for (const std::string& name : o.tensor_names)
      written.push_back(tensor_named(g, name));
  } else {
    written = g.outputs;
  }
  return written;
}

std::vector<Inference> inputs_for(const Options& o, const graph::Graph& g)
{
  if (o.inputs) {
    const Bytes bytes = read_bytes(*o.inputs);
    try {
      return reference::tool::split_inferences(g, g.inputs, bytes);
    } catch (const std::invalid_argument& e) {
      throw std::runtime_error(o.inputs->string() + ": " + e.what());
    }
  }
  std::mt19937_64 rng(o.seed);
  std::vector<Inference> inferences;
  for (int i = 0; i < *o.random_count; ++i)
    inferences.push_back(reference::tool::random_inputs(g, rng));
  if (o.save_inputs) {
    Bytes all;
    for (const Inference& inference : inferences)
      reference::tool::append_inference(inference, all);
    write_bytes(*o.save_inputs, all);
  }
  return inferences;
}

void list_operators(const graph::Graph& g)
{
  for (std::size_t i = 0; i < g.ops.size(); ++i) {
    std::cout << i << ' ' << graph::name_of(g.ops[i].kind) << ' ';
    const std::vector<int> producers = reference::tool::producers_of_inputs(g, static_cast<int>(i));
    for (std::size_t p = 0; p < producers.size(); ++p)
      std::cout << (p ? "," : "") << producers[p];
    std::cout << '\n';
  }
}

int run(const Options& o)
{
  // A network YAML by its suffix, else a .tflite file.
  const std::string ext = std::filesystem::path(o.model).extension().string();
  const graph::Graph model =
    ext == ".yaml" || ext == ".yml" ? network::read_file(std::string(o.model)) : tflite::read_file(o.model);
  if (o.list_operators) {
    list_operators(model);
    return 0;
  }
  const graph::Graph g =
    o.single_operator ? reference::tool::single_operator_graph(model, *o.single_operator) : model;
  std::vector<int> written = written_tensors(o, g);
  const std::vector<Inference> inferences = inputs_for(o, g);
  if (o.exits_taken && g.exits.empty())
    throw UsageError("--exits-taken: " + g.name + " has no early exits");
  // The taken exit's scores stand for the output (an exit network has one).
  const bool exit_scores = !g.exits.empty() && !o.no_exits && o.tensor_names.empty() && !o.operator_outputs;

  reference::Interpreter interpreter(g);
  Bytes out, taken;
  std::vector<int> taken_count(g.exits.size() + 2, 0);
  for (const Inference& inputs : inferences) {
    interpreter.run(inputs);
    if (!g.exits.empty()) {
      const int exit = reference::exit_taken(g, interpreter.tensors());
      taken.push_back(static_cast<std::uint8_t>(exit));
      ++taken_count[exit];
      if (exit_scores)
        written = {reference::exit_scores_tensor(g, exit)};
    }
    for (int index : written) {
      const Bytes& t = interpreter.tensor(index);
      out.insert(out.end(), t.begin(), t.end());
    }
  }
  write_bytes(o.output, out);
  if (o.exits_taken)
    write_bytes(*o.exits_taken, taken);
  if (!g.exits.empty()) {
    std::cerr << g.name << ": exits taken:";
    for (std::size_t k = 1; k < taken_count.size(); ++k)
      std::cerr << (k > 1 ? "," : "") << " exit " << k << " of " << taken_count.size() - 1 << ": " << taken_count[k];
    std::cerr << "\n";
  }
  std::cerr << g.name << ": " << inferences.size() << " inference(s), "
            << reference::tool::inference_bytes(g, written) << " output bytes each -> " << o.output.string() << "\n";
  return 0;
}

} // namespace

int main(int argc, char** argv)
{
  try {
    return run(parse(argc, argv));
  } catch (const UsageError& e) {
    std::cerr << "edgesim_reference: " << e.what() << " (--help for usage)\n";
    return kUsageError;
  } catch (const std::exception& e) {
    std::cerr << "edgesim_reference: " << e.what() << "\n";
    return kRunError;
  }
}
