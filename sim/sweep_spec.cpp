#include "sim/sweep_spec.hpp"

#include <algorithm>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "sim/config_error.hpp"
#include "sim/config_overrides.hpp"
#include "sim/yaml_map.hpp"

namespace sim {

namespace fs = std::filesystem;

namespace {

bool is_name(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

// A value as --set takes it: a scalar's text, a map or list in flow style.
std::string value_text(const YAML::Node& v) {
  if (v.IsScalar()) return v.Scalar();
  YAML::Emitter e;
  e << YAML::Flow << v;
  return e.c_str();
}

// Platform names stay names; anything that looks like a file is anchored to
// the sweep file's folder (as PlatformCatalog::resolve tells them apart).
bool looks_like_file(const std::string& s) {
  return s.find('/') != std::string::npos || s.ends_with(".yaml") || s.ends_with(".yml");
}

fs::path relative_to(const fs::path& base_dir, const std::string& path) {
  const fs::path p(path);
  return p.is_absolute() ? p : (base_dir / p).lexically_normal();
}

class SweepReader {
 public:
  SweepReader(const fs::path& file) : source_{file.string(), {}}, dir_(fs::absolute(file).parent_path()) {}

  SweepSpec read(const YAML::Node& root) {
    YamlMap top(root, "", source_);
    SweepSpec spec;
    spec.file = source_.file;
    spec.name = top.optional_string("name", fs::path(source_.file).stem().string());
    if (!is_name(spec.name)) top.fail("name", "may use only letters, digits, '_' and '-' (it names the output folder)");
    top.optional_string("description", "");
    read_platforms(top, spec);
    read_workloads(top, spec);
    read_parameters(top.optional_map("parameters"), spec);
    read_constraints(top, spec);
    if (top.has("metrics")) {
      spec.metrics = top.string_list("metrics");
      if (spec.metrics.empty()) top.fail("metrics", "an empty list (leave the key out for the default metrics)");
    } else {
      top.raw("metrics");
    }
    YamlMap limits = top.optional_map("limits");
    spec.max_instructions = limits.optional_uint("max_instructions", 0, 1, std::numeric_limits<uint64_t>::max());
    limits.finish();
    top.finish();
    return spec;
  }

 private:
  void read_platforms(YamlMap& top, SweepSpec& spec) {
    const YAML::Node node = top.raw("platform");
    if (!node.IsDefined() || node.IsNull()) top.fail("platform", "missing (required): a platform's name or file, or a list of them");
    std::vector<std::string> given;
    if (node.IsScalar()) given.push_back(node.Scalar());
    else if (node.IsSequence() && node.size() > 0) given = top.string_list("platform");
    else top.fail("platform", "expected a platform's name or file, or a non-empty list of them");
    for (const auto& p : given) {
      const std::string platform = looks_like_file(p) ? relative_to(dir_, p).string() : p;
      if (std::find(spec.platforms.begin(), spec.platforms.end(), platform) != spec.platforms.end())
        top.fail("platform", fmt::format("'{}' is listed twice", p));
      spec.platforms.push_back(platform);
    }
  }

  void read_workloads(YamlMap& top, SweepSpec& spec) {
    const YAML::Node list = top.raw("workloads");
    if (!list.IsDefined() || list.IsNull()) top.fail("workloads", "missing (required): a list of {name, elf|firmware|model}");
    if (!list.IsSequence() || list.size() == 0) top.fail_at(list, "workloads", "expected a non-empty list");
    std::set<std::string> names;
    for (std::size_t i = 0; i < list.size(); ++i) {
      YamlMap m(list[i], fmt::format("workloads[{}]", i), source_);
      SweepWorkload w;
      const bool elf = m.has("elf"), firmware = m.has("firmware"), model = m.has("model");
      if (elf + firmware + model != 1) m.fail_here("needs exactly one of elf:, firmware: or model:");
      if (elf) {
        w.kind = SweepWorkload::Kind::Elf;
        w.source = m.required_string("elf");
        w.file = relative_to(dir_, w.source);
      } else if (firmware) {
        w.kind = SweepWorkload::Kind::Firmware;
        w.source = m.required_string("firmware");
        if (!is_name(w.source)) m.fail("firmware", "expected a program's name, e.g. compute_bench (use elf: for a file)");
      } else {
        w.kind = SweepWorkload::Kind::Model;
        w.source = m.required_string("model");
        w.file = relative_to(dir_, w.source);
        static constexpr std::string_view kBackends[] = {"portable", "simd", "accel"};
        w.backend = m.optional_choice("backend", kBackends, "portable");
      }
      w.name = m.optional_string("name", w.kind == SweepWorkload::Kind::Firmware ? w.source : fs::path(w.source).stem().string());
      if (!is_name(w.name)) m.fail("name", "may use only letters, digits, '_' and '-'");
      if (!names.insert(w.name).second) m.fail("name", fmt::format("'{}' names another workload too", w.name));
      m.finish();
      spec.workloads.push_back(std::move(w));
    }
  }

  // A key as --set takes it; each key once in the whole sweep.
  void check_key(const YamlMap& section, const YAML::Node& key_node, const std::string& key) {
    const std::string path = section.path() + "." + key;
    try {
      parse_override(key + "=0");
    } catch (const ConfigError& e) {
      section.fail_at(key_node, path, "not a platform key path (e.g. memories.flash.wait_states)");
    }
    if (!keys_.insert(key).second) section.fail_at(key_node, path, "this key is swept elsewhere in the sweep too");
  }

  // A list of values (a map's entries are parameters, not YamlMap keys).
  std::vector<SweepParameter> value_lists(YamlMap& section, const std::string& name) {
    const YAML::Node node = section.raw(name);
    YamlMap lists(node, section.path().empty() ? name : section.path() + "." + name, source_);  // a map, no duplicates
    std::vector<SweepParameter> out;
    if (!node.IsMap()) return out;
    for (const auto& kv : node) {
      const std::string key = kv.first.Scalar();
      check_key(lists, kv.first, key);
      const std::string path = lists.path() + "." + key;
      if (!kv.second.IsSequence() || kv.second.size() == 0)
        lists.fail_at(kv.second, path, "expected a non-empty list of values, e.g. [0, 1, 2]");
      SweepParameter p{key, {}};
      for (const auto& v : kv.second) {
        if (v.IsNull()) lists.fail_at(v, path, "an empty value");
        p.values.push_back(value_text(v));
      }
      out.push_back(std::move(p));
    }
    return out;
  }

  void read_parameters(YamlMap parameters, SweepSpec& spec) {
    spec.grid = value_lists(parameters, "grid");
    spec.zip = value_lists(parameters, "zip");
    for (const auto& p : spec.zip)
      if (p.values.size() != spec.zip.front().values.size())
        parameters.fail("zip", fmt::format("the lists must have the same length: {} has {} values, {} has {}",
                                           spec.zip.front().key, spec.zip.front().values.size(), p.key, p.values.size()));
    if (parameters.has("random")) spec.random = read_random(parameters.map("random"));
    parameters.finish();
  }

  RandomSampling read_random(YamlMap random) {
    RandomSampling r;
    r.samples = random.required_uint("samples", 1, 1'000'000);
    r.seed = random.optional_uint("seed", 1, 0, std::numeric_limits<uint64_t>::max());
    const YAML::Node node = random.raw("ranges");
    if (!node.IsDefined() || node.IsNull()) random.fail("ranges", "missing (required): {KEY: [choices] or {min, max}}");
    YamlMap ranges(node, random.path() + ".ranges", source_);
    if (!node.IsMap() || node.size() == 0) ranges.fail_here("expected a map of keys to [choices] or {min: N, max: N}");
    for (const auto& kv : node) {
      const std::string key = kv.first.Scalar();
      check_key(ranges, kv.first, key);
      RandomRange range{key, {}, 0, 0};
      if (kv.second.IsSequence()) {
        if (kv.second.size() == 0) ranges.fail_at(kv.second, ranges.path() + "." + key, "no choices");
        for (const auto& v : kv.second) range.choices.push_back(value_text(v));
      } else {
        YamlMap bounds(kv.second, ranges.path() + "." + key, source_);
        if (!kv.second.IsMap()) bounds.fail_here("expected [choices] or {min: N, max: N}");
        range.min = bounds.required_uint("min", 0, std::numeric_limits<uint64_t>::max());
        range.max = bounds.required_uint("max", range.min, std::numeric_limits<uint64_t>::max());
        bounds.finish();
      }
      r.ranges.push_back(std::move(range));
    }
    random.finish();
    return r;
  }

  void read_constraints(YamlMap& top, SweepSpec& spec) {
    const YAML::Node list = top.raw("constraints");
    if (!list.IsDefined() || list.IsNull()) return;
    if (!list.IsSequence()) top.fail_at(list, "constraints", "expected a list of expressions, e.g. [\"a <= 3 or b > 5\"]");
    const std::vector<std::string> keys = spec.parameter_keys();
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string path = fmt::format("constraints[{}]", i);
      if (!list[i].IsScalar()) top.fail_at(list[i], path, "expected an expression (quote it)");
      try {
        spec.constraints.push_back(Constraint::parse(list[i].Scalar(), keys));
      } catch (const std::invalid_argument& e) {
        top.fail_at(list[i], path, e.what());
      }
    }
  }

  ConfigSource source_;
  fs::path dir_;
  std::set<std::string> keys_;  // every swept key so far
};

}  // namespace

std::vector<std::string> SweepSpec::parameter_keys() const {
  std::vector<std::string> keys;
  for (const auto& p : grid) keys.push_back(p.key);
  for (const auto& p : zip) keys.push_back(p.key);
  if (random)
    for (const auto& r : random->ranges) keys.push_back(r.key);
  return keys;
}

SweepSpec parse_sweep(const std::string& yaml, const fs::path& file) {
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    throw ConfigError(fmt::format("{}:{}:{}: invalid YAML: {}", file.string(), e.mark.line + 1, e.mark.column + 1, e.msg));
  }
  return SweepReader(file).read(root);
}

SweepSpec read_sweep(const fs::path& file) {
  std::ifstream in(file);
  if (!in) throw ConfigError(fmt::format("{}: cannot open the sweep file", file.string()));
  std::ostringstream text;
  text << in.rdbuf();
  return parse_sweep(text.str(), file);
}

}  // namespace sim
