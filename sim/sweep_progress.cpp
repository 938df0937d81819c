#include "sim/sweep_progress.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "sim/sweep_points.hpp"

namespace sim {

std::string format_duration(double seconds) {
  const auto s = static_cast<long long>(std::llround(std::max(seconds, 0.0)));
  if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

std::string progress_line(std::size_t done, std::size_t total, std::size_t failed, std::optional<double> eta_seconds,
                          std::size_t width) {
  const std::size_t filled = total ? std::min(width, done * width / total) : width;
  std::string line = fmt::format("[{}{}] {}/{} points", std::string(filled, '#'), std::string(width - filled, '.'), done, total);
  if (failed) line += fmt::format(", {} failed", failed);
  if (eta_seconds) line += ", ETA " + format_duration(*eta_seconds);
  return line;
}

std::string point_line(std::size_t done, std::size_t total, const PointResult& r) {
  std::string line = fmt::format("[{}/{}] {} {} {}: ", done, total, r.platform, r.workload, describe(r.parameters));
  if (r.status != PointStatus::Ok) return line + fmt::format("{} (exit {}): {}", name_of(r.status), r.exit_code, r.message);
  line += "ok";
  for (const auto& [name, value] : r.metrics.items())
    if (!value.is_null()) line += fmt::format(", {}={}", name, value.is_string() ? value.get<std::string>() : value.dump());
  return line;
}

SweepProgress::SweepProgress(std::ostream& out, bool terminal, std::size_t total, std::size_t done, std::size_t failed)
    : out_(out), terminal_(terminal), total_(total), done_(done), failed_(failed) {
  if (terminal_) out_ << '\r' << progress_line(done_, total_, failed_, std::nullopt) << std::flush;
}

void SweepProgress::finished(const PointResult& result) {
  ++done_;
  ++done_here_;
  if (result.status != PointStatus::Ok) ++failed_;
  if (!terminal_) {
    out_ << point_line(done_, total_, result) << '\n' << std::flush;
    return;
  }
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double eta = elapsed / static_cast<double>(done_here_) * static_cast<double>(total_ - std::min(done_, total_));
  // \r back to the line's start, ESC[K clears what a longer line left.
  out_ << '\r' << progress_line(done_, total_, failed_, eta) << "\x1b[K" << std::flush;
}

void SweepProgress::start_runs() {
  start_ = std::chrono::steady_clock::now();
  done_here_ = 0;
}

void SweepProgress::close() {
  if (terminal_) out_ << '\n' << std::flush;
}

}  // namespace sim
