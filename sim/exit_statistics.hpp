// What an early-exit network's exits did over the inputs `edgesim validate`
// ran: how often each exit was taken, the cycles per inference with exits
// and, from a second run of each input with exits off, without them, and the
// cycles the exits saved.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace sim {

// One input: the exit its run took (1 .. exit count) and that run's cycles;
// the same input's cycles with exits off, when that run was made and ran
// the whole network.
struct ExitSample {
  int exit = 0;
  std::uint64_t cycles = 0;
  std::optional<std::uint64_t> cycles_without_exits;
};

struct ExitStatistics {
  struct PerExit {
    int taken = 0;           // inputs
    double mean_cycles = 0;  // of those inputs; 0 when none
  };
  std::vector<PerExit> exits;  // [exit - 1]
  int inputs = 0;
  double mean_cycles = 0;
  std::uint64_t median_cycles = 0;  // the lower median, as validate's cycles line
  // Over the inputs that have both runs:
  int paired = 0;
  double mean_cycles_without = 0;
  double mean_saved = 0;      // without - with
  double saved_fraction = 0;  // of without
};

// Throws std::invalid_argument for an exit outside 1..exit_count.
ExitStatistics exit_statistics(std::span<const ExitSample> samples, int exit_count);

// The report's lines: a row per exit (inputs, %, mean cycles, and
// `descriptions[exit - 1]`: where it decides and on what), then the cycles
// with and without exits and the saving. `baseline`: whether exits-off runs
// were made (without them, "not measured (--no-baseline)").
std::string exit_report(const ExitStatistics& stats, std::span<const std::string> descriptions, bool baseline);

}  // namespace sim
