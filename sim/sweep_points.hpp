// A sweep's points: every platform with every workload with every
// combination of the parameters that the constraints keep, each with a stable id so that a re-run knows
// which points it has already done.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "sim/sweep_spec.hpp"

namespace sim {

struct SweepPoint {
  std::string id;              // 16 hex digits (point_id)
  std::size_t platform = 0;    // index into SweepSpec::platforms
  std::size_t workload = 0;    // index into SweepSpec::workloads
  ParameterValues parameters;  // in SweepSpec::parameter_keys() order
};

struct PointSet {
  std::vector<SweepPoint> points;  // by platform, then workload, then combination in the file's order
  std::size_t combinations = 0;    // parameter combinations, before the constraints
  std::size_t excluded = 0;        // combinations the constraints leave out
  std::size_t duplicates = 0;      // random samples drawn again (kept once)
};

// The combinations: the grid's product (the first key changes slowest), times
// the zip's rows, times the random samples. Throws ConfigError when a
// constraint cannot be evaluated on a combination (e.g. text ordered by '<').
PointSet expand_points(const SweepSpec& spec);

// FNV-1a (64 bits) of the platform (as SweepSpec::platforms has it), the
// workload (name, kind, source as written, backend) and the parameters sorted
// by key: the same point has the same id whatever the order of the keys in
// the file, and whatever else the file says.
std::string point_id(const std::string& platform, const SweepWorkload& workload, const ParameterValues& parameters);

// How results name a platform: a built-in's name, a file's stem.
std::string platform_label(const std::string& platform);

// "key=value, key=value" (or "(no parameters)").
std::string describe(const ParameterValues& parameters);

}  // namespace sim
