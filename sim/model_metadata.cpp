#include "sim/model_metadata.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace sim {

namespace {
using nlohmann::json;

// The value at `key`, of the type asked for; any mismatch names the key.
template <typename T>
T field(const json& object, const char* key, const std::string& where) {
  const auto it = object.find(key);
  if (it == object.end()) throw ModelMetadataError(fmt::format("{}: missing '{}'", where, key));
  try {
    return it->get<T>();
  } catch (const json::exception&) {
    throw ModelMetadataError(fmt::format("{}: '{}' is {}, not the expected type", where, key, it->type_name()));
  }
}

LayerInfo layer_of(const json& l, const std::string& where) {
  if (!l.is_object()) throw ModelMetadataError(where + ": not an object");
  return LayerInfo{
      .index = field<uint32_t>(l, "index", where),
      .op = field<std::string>(l, "op", where),
      .output = field<std::string>(l, "output", where),
      .macs = field<uint64_t>(l, "macs", where),
      .params = field<uint64_t>(l, "params", where),
      .param_bytes = field<uint64_t>(l, "param_bytes", where),
      .input_bytes = field<uint64_t>(l, "input_bytes", where),
      .output_bytes = field<uint64_t>(l, "output_bytes", where),
  };
}

ExitInfo exit_of(const json& e, const std::string& where) {
  if (!e.is_object()) throw ModelMetadataError(where + ": not an object");
  return ExitInfo{
      .index = field<uint32_t>(e, "index", where),
      .after_layer = field<uint32_t>(e, "after_layer", where),
      .rule = field<std::string>(e, "rule", where),
      .threshold = field<double>(e, "threshold", where),
  };
}
}  // namespace

const LayerInfo* ModelMetadata::layer(uint32_t index) const {
  for (const LayerInfo& l : layers)
    if (l.index == index) return &l;
  return nullptr;
}

ModelMetadata parse_model_metadata(std::string_view text, const std::string& source) {
  const std::string where = fmt::format("{}: {}", source, kModelSection);
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    throw ModelMetadataError(fmt::format("{}: not valid JSON ({})", where, e.what()));
  }
  if (!j.is_object()) throw ModelMetadataError(where + ": not a JSON object");
  if (const auto format = field<int>(j, "format", where); format != 1)
    throw ModelMetadataError(fmt::format("{}: format {} is not one this edgesim reads (1)", where, format));
  ModelMetadata m{.model = field<std::string>(j, "model", where),
                  .backend = field<std::string>(j, "backend", where),
                  .platform = field<std::string>(j, "platform", where),
                  .layers = {}};
  const json layers = field<json>(j, "layers", where);
  if (!layers.is_array()) throw ModelMetadataError(where + ": 'layers' is not a list");
  for (size_t i = 0; i < layers.size(); ++i) {
    LayerInfo l = layer_of(layers[i], fmt::format("{}: layers[{}]", where, i));
    if (m.layer(l.index)) throw ModelMetadataError(fmt::format("{}: layers[{}]: index {} twice", where, i, l.index));
    m.layers.push_back(std::move(l));
  }
  // Firmware compiled before exits were listed has no "exits": none known.
  const json exits = j.value("exits", json::array());
  if (!exits.is_array()) throw ModelMetadataError(where + ": 'exits' is not a list");
  for (size_t i = 0; i < exits.size(); ++i) {
    const std::string at = fmt::format("{}: exits[{}]", where, i);
    ExitInfo e = exit_of(exits[i], at);
    if (e.index != i + 1) throw ModelMetadataError(fmt::format("{}: index {}, expected {}", at, e.index, i + 1));
    m.exits.push_back(std::move(e));
  }
  return m;
}

std::optional<ModelMetadata> read_model_metadata(const ElfImage& image) {
  const std::vector<uint8_t>* bytes = image.note(kModelSection);
  if (!bytes) return std::nullopt;
  const std::string_view text(reinterpret_cast<const char*>(bytes->data()), bytes->size());
  return parse_model_metadata(text, image.path().string());
}

}  // namespace sim
