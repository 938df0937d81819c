// What a firmware built by `edgesim compile` says about its network, read
// back from its .edgesim.model section (JSON written by model_compiler.cpp's
// metadata_json): the operators its layer markers number, with their static
// costs, so the per-layer report can name them.
#pragma once
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "sim/elf_loader.hpp"

namespace sim {

// The section's name in the ELF.
inline constexpr std::string_view kModelSection = ".edgesim.model";

// A section that is not the JSON the model compiler writes; the message
// names the file and what is wrong.
class ModelMetadataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct LayerInfo {
  uint32_t index = 0;  // the operator's position: the value of its marker
  std::string op;      // e.g. "CONV_2D"
  std::string output;  // the output tensor's name
  uint64_t macs = 0;
  uint64_t params = 0;
  uint64_t param_bytes = 0;
  uint64_t input_bytes = 0;
  uint64_t output_bytes = 0;
};

// An early exit of the network (the "exits" list; absent without any).
struct ExitInfo {
  uint32_t index = 0;        // 1 for the first; the final output is exits.size() + 1
  uint32_t after_layer = 0;  // the layer (operator index) its decision follows
  std::string rule;          // "max_softmax", "margin" or "entropy"
  double threshold = 0;
};

struct ModelMetadata {
  std::string model;
  std::string backend;
  std::string platform;
  std::vector<LayerInfo> layers;  // in operator order
  std::vector<ExitInfo> exits;    // the early exits, in order; empty: the network has none

  const LayerInfo* layer(uint32_t index) const;
};

// `source` names the file in errors. Throws ModelMetadataError.
ModelMetadata parse_model_metadata(std::string_view json, const std::string& source);
// The image's .edgesim.model section; nullopt when it has none (firmware not
// built by `edgesim compile`). Throws ModelMetadataError when it is malformed.
std::optional<ModelMetadata> read_model_metadata(const ElfImage& image);

}  // namespace sim
