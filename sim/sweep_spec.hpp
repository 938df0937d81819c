// A sweep file (`edgesim sweep SWEEP.yaml`), read strictly like a platform:
// an unknown key or a bad value is an error naming file:line:column and key.
//
//   name: flash_art                    # default: the file's stem; names ./sweep-<name>
//   platform: stm32f407                # the base platform: a built-in name or a YAML file,
//                                      # or a list of them ([stm32f407, stm32f746]: each point on each)
//   workloads:                         # each point runs one of these
//     - {name: bench, elf: fw.elf}                    # a firmware ELF
//     - {name: bench, firmware: compute_bench}        # <firmware dir>/compute_bench.<platform>.elf
//     - {name: kws, model: net.yaml, backend: simd}   # a .tflite or network YAML, compiled per point
//   parameters:                        # platform keys as --set takes them
//     grid:   {memories.flash.wait_states: [0, 1, 2], memories.flash.prefetch: [true, false]}
//     zip:    {core.clock_hz: [24000000, 168000000], memories.flash.wait_states: [0, 5]}
//     random: {samples: 20, seed: 1, ranges: {accel.rows: [4, 8, 16], accel.cols: {min: 2, max: 16}}}
//   constraints: ["memories.flash.wait_states <= 3 or core.clock_hz > 100000000"]
//   metrics: [core.cycles, energy.total_pj]   # stats names (default: kDefaultMetrics)
//   limits: {max_instructions: 2000000000}
//
// The points are every platform with every workload with every combination
// of the parameters:
// the grid's product, times the zip's rows (its lists step together), times
// the random samples (each key drawn from its choices, or uniformly from the
// integers min..max, by SplitMix64 from the seed). A value may be any YAML
// --set accepts, a flow map too ({icache_lines: 0, dcache_lines: 0}). Paths
// are relative to the sweep file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sim/sweep_constraint.hpp"

namespace sim {

inline const std::vector<std::string> kDefaultMetrics = {"core.cycles", "core.instructions", "time.simulated_s",
                                                         "energy.total_pj"};

struct SweepWorkload {
  enum class Kind { Elf, Firmware, Model };
  std::string name;
  Kind kind = Kind::Elf;
  std::string source;                // as the sweep file writes it (part of the points' ids)
  std::filesystem::path file;        // Elf, Model: the file, resolved against the sweep file's folder
  std::string backend = "portable";  // Model: portable, simd or accel
};

struct SweepParameter {
  std::string key;                  // a platform key path, e.g. memories.flash.wait_states
  std::vector<std::string> values;  // YAML text, as --set takes it
};

struct RandomRange {
  std::string key;
  std::vector<std::string> choices;  // drawn from these, or else
  std::uint64_t min = 0, max = 0;    // an integer in [min, max]
};

struct RandomSampling {
  std::uint64_t samples = 0;
  std::uint64_t seed = 1;
  std::vector<RandomRange> ranges;
};

struct SweepSpec {
  std::filesystem::path file;
  std::string name;
  std::vector<std::string> platforms;  // each a built-in name, or a YAML file's absolute path
  std::vector<SweepWorkload> workloads;
  std::vector<SweepParameter> grid, zip;
  std::optional<RandomSampling> random;
  std::vector<Constraint> constraints;
  std::vector<std::string> metrics = kDefaultMetrics;
  std::uint64_t max_instructions = 0;  // per run; 0: none

  // Every parameter key, in the file's order (grid, zip, random).
  std::vector<std::string> parameter_keys() const;
};

// Throws ConfigError ("file:line:col: key: message").
SweepSpec read_sweep(const std::filesystem::path& file);
// The same from YAML text; `file` names it in errors and anchors relative paths.
SweepSpec parse_sweep(const std::string& yaml, const std::filesystem::path& file);

}  // namespace sim
