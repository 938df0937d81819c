// `edgesim run`: platform + firmware -> simulation -> summary, stats and the
// process exit status (DESIGN.md "Contracts").
#pragma once
#include <atomic>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "sim/console.hpp"
#include "sim/profile_options.hpp"

namespace sim {

struct RunCommand {
  std::string firmware;
  std::string platform = "mps2-an386";
  std::vector<std::string> overrides;  // "key.path=value"
  std::optional<std::string> energy;   // cost table NAME|FILE.yaml; default: the platform's energy: key
  std::optional<std::string> stats_file;
  std::optional<std::string> stats_csv_file;  // the same stats as CSV
  uint64_t max_instructions = 0;  // 0: no limit
  bool quiet = false;
  std::optional<std::string> semihosting_root;
  std::optional<std::string> semihosting_cmdline;
  std::optional<std::string> vcd;  // accelerator RTL waveforms
  std::vector<std::string> loads;  // "FILE@SYMBOL": before the run
  std::vector<std::string> dumps;  // "SYMBOL:FILE": after it
  ProfileOptions profiling;        // --profile, --timeline
  const std::atomic<bool>* interrupt = nullptr;  // when set, stop cleanly (exit 130)
};

// Firmware output goes to `console`; the summary, warnings and errors
// ("edgesim: error: ...") to `diagnostics`. Returns the exit status.
int run_command(const RunCommand& cmd, Console console, std::ostream& diagnostics);

}  // namespace sim
