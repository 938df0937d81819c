// The network YAML's keys read into a NetworkSpec (form only: types, ranges,
// known keys; shapes are the builder's).
#pragma once

#include <string>

#include <yaml-cpp/yaml.h>

#include "compiler/network/spec.hpp"

namespace compiler::network {

NetworkSpec parse(const YAML::Node& root, const std::string& file);

}  // namespace compiler::network
