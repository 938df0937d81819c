// What `edgesim sweep` shows while it runs: on a terminal, one line redrawn
// in place (a bar, done/total, failures, the time left); elsewhere (a log, a
// pipe), one plain line per finished point.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <ostream>
#include <string>

#include "sim/sweep_results.hpp"

namespace sim {

// "0:42", "12:05", "1:02:03".
std::string format_duration(double seconds);

// "[#######.............] 12/56 points, 1 failed, ETA 0:42" (bar `width`
// characters; no ETA before the first point of this run has finished).
std::string progress_line(std::size_t done, std::size_t total, std::size_t failed, std::optional<double> eta_seconds,
                          std::size_t width = 30);

// "[12/56] stm32f407 kws memories.flash.wait_states=5, ...: ok, core.cycles=1234, ..."
// or "...: failed (exit 124): <message>".
std::string point_line(std::size_t done, std::size_t total, const PointResult& result);

class SweepProgress {
 public:
  // `done`: the points finished before this run (they count towards the
  // total, not towards the time left).
  SweepProgress(std::ostream& out, bool terminal, std::size_t total, std::size_t done, std::size_t failed);
  void finished(const PointResult& result);
  // The runs start now: the time left is measured from here (so that the
  // firmware builds before them do not count as a run's time).
  void start_runs();
  // Ends the redrawn line (terminal only).
  void close();

 private:
  std::ostream& out_;
  bool terminal_;
  std::size_t total_, done_, failed_, done_here_ = 0;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace sim
