#include "compiler/network/network.hpp"

#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "compiler/graph/check.hpp"
#include "compiler/network/build.hpp"
#include "compiler/network/parse.hpp"

namespace compiler::network {

graph::Graph read_string(const std::string& text, const std::string& source_name)
{
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    throw NetworkError(fmt::format("{}:{}:{}: {}", source_name, e.mark.line + 1, e.mark.column + 1, e.msg));
  }
  graph::Graph graph = build(parse(root, source_name));
  // The builder checks shapes as it goes; the graph's own checks are what
  // every front end passes, so a builder bug cannot reach the back end.
  try {
    graph::check(graph);
  } catch (const graph::GraphError& e) {
    throw NetworkError(fmt::format("{}: {}", source_name, e.what()));
  }
  return graph;
}

graph::Graph read_file(const std::string& path)
{
  std::ifstream file(path);
  if (!file)
    throw NetworkError(fmt::format("{}: cannot open the file", path));
  std::ostringstream text;
  text << file.rdbuf();
  return read_string(text.str(), path);
}

}  // namespace compiler::network
