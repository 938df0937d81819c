#include "sim/sweep_points.hpp"

#include <algorithm>
#include <filesystem>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

#include "compiler/network/splitmix.hpp"
#include "sim/config_error.hpp"

namespace sim {

namespace {

using Combinations = std::vector<ParameterValues>;

// Every combination of `lists` (the first key changes slowest).
Combinations grid_product(const std::vector<SweepParameter>& lists) {
  Combinations out{{}};
  for (const auto& p : lists) {
    Combinations next;
    for (const auto& partial : out)
      for (const auto& v : p.values) {
        next.push_back(partial);
        next.back().emplace_back(p.key, v);
      }
    out = std::move(next);
  }
  return out;
}

// Row i takes every list's i-th value.
Combinations zip_rows(const std::vector<SweepParameter>& lists) {
  if (lists.empty()) return {{}};
  Combinations out(lists.front().values.size());
  for (const auto& p : lists)
    for (std::size_t i = 0; i < out.size(); ++i) out[i].emplace_back(p.key, p.values.at(i));
  return out;
}

// The samples in the order drawn, each key in turn from one generator; a
// sample equal to an earlier one is dropped (and counted).
Combinations random_samples(const std::optional<RandomSampling>& random, std::size_t& duplicates) {
  if (!random) return {{}};
  compiler::network::SplitMix64 rng(random->seed);
  Combinations out;
  std::set<ParameterValues> seen;
  for (std::uint64_t s = 0; s < random->samples; ++s) {
    ParameterValues sample;
    for (const auto& r : random->ranges) {
      if (!r.choices.empty()) {
        sample.emplace_back(r.key, r.choices[rng.next() % r.choices.size()]);
      } else {
        const std::uint64_t span = r.max - r.min + 1;  // 0: the whole 64-bit range
        sample.emplace_back(r.key, std::to_string(r.min + (span ? rng.next() % span : rng.next())));
      }
    }
    if (seen.insert(sample).second) out.push_back(std::move(sample));
    else ++duplicates;
  }
  return out;
}

Combinations product(const Combinations& a, const Combinations& b) {
  Combinations out;
  for (const auto& x : a)
    for (const auto& y : b) {
      out.push_back(x);
      out.back().insert(out.back().end(), y.begin(), y.end());
    }
  return out;
}

const char* kind_name(SweepWorkload::Kind kind) {
  switch (kind) {
    case SweepWorkload::Kind::Elf: return "elf";
    case SweepWorkload::Kind::Firmware: return "firmware";
    case SweepWorkload::Kind::Model: return "model";
  }
  return "?";
}

}  // namespace

PointSet expand_points(const SweepSpec& spec) {
  PointSet set;
  const Combinations all =
      product(product(grid_product(spec.grid), zip_rows(spec.zip)), random_samples(spec.random, set.duplicates));
  set.combinations = all.size();
  Combinations kept;
  for (const auto& combination : all) {
    const bool keep = std::all_of(spec.constraints.begin(), spec.constraints.end(), [&](const Constraint& c) {
      try {
        return c.holds(combination);
      } catch (const std::invalid_argument& e) {
        throw ConfigError(fmt::format("{}: constraint \"{}\" at {}: {}", spec.file.string(), c.text(), describe(combination),
                                      e.what()));
      }
    });
    if (keep) kept.push_back(combination);
  }
  set.excluded = all.size() - kept.size();
  for (std::size_t p = 0; p < spec.platforms.size(); ++p)
    for (std::size_t w = 0; w < spec.workloads.size(); ++w)
      for (const auto& combination : kept)
        set.points.push_back({point_id(spec.platforms[p], spec.workloads[w], combination), p, w, combination});
  return set;
}

std::string point_id(const std::string& platform, const SweepWorkload& workload, const ParameterValues& parameters) {
  std::string text = fmt::format("{}\n{}\n{}\n{}\n{}\n", platform, workload.name, kind_name(workload.kind), workload.source,
                                 workload.kind == SweepWorkload::Kind::Model ? workload.backend : "");
  ParameterValues sorted = parameters;
  std::sort(sorted.begin(), sorted.end());
  for (const auto& [key, value] : sorted) text += key + "=" + value + "\n";
  return fmt::format("{:016x}", compiler::network::fnv1a64(text));
}

std::string platform_label(const std::string& platform) { return std::filesystem::path(platform).stem().string(); }

std::string describe(const ParameterValues& parameters) {
  if (parameters.empty()) return "(no parameters)";
  std::string text;
  for (const auto& [key, value] : parameters) text += (text.empty() ? "" : ", ") + key + "=" + value;
  return text;
}

}  // namespace sim
