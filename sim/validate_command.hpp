// `edgesim validate MODEL --platform P --backend B [--inputs N]`: compiles
// MODEL as `edgesim compile` does, runs the firmware on N seeded random
// inputs (one `edgesim run` process each, --load/--dump by symbol), and
// compares every output with the host reference (compiler/reference).
//
// The inputs are edgesim_reference's `--random N --seed S` inputs, byte for
// byte (compiler/reference/tool/random_inputs: int8 over the whole range,
// float32 uniform in [-1, 1)), so either tool reproduces the other's.
//
// An early-exit network (graph.exits): each run also dumps
// `edgesim_exit_taken`, which must be the reference's exit, and, unless
// `no_baseline`, each input runs a second time with exits off (a 0 loaded
// into `edgesim_exits_enabled`), which must take the final exit; the report
// adds how often each exit was taken and the cycles with and without exits
// (sim/exit_statistics). The outputs are compared as for any network.
//
// Exit status: 0 when every input matches (integer outputs bit-exact, float
// outputs within `tolerance` relative), 1 when any input does not match or
// its run failed (fault, run limit, non-zero exit: reported per input), 2 for
// a usage, configuration or compile error.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace sim {

struct ValidateCommand {
  std::string model;
  std::string platform = "mps2-an386";
  std::vector<std::string> overrides;  // --set, for the compile and every run
  std::string backend = "portable";
  int inputs = 20;
  std::uint64_t seed = 1;  // edgesim_reference's default
  double tolerance = 1e-5;
  unsigned jobs = 0;                 // runs at once; 0: the host's cores
  std::uint64_t max_instructions = 0;  // per run; 0: no limit
  bool no_baseline = false;            // early-exit networks: skip the exits-off runs
  std::optional<std::string> keep_dir;     // the ELF, inputs, outputs and stats; else a removed temp dir
  std::optional<std::string> sources_dir;  // the generated sources
  std::string edgesim = "/proc/self/exe";  // what runs `run` for each input
};

// The report goes to `out`, usage/config/compile errors to `err`.
int validate_command(const ValidateCommand& cmd, std::ostream& out, std::ostream& err);

}  // namespace sim
