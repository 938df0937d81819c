// `edgesim run --profile` and `--timeline`: wires the profilers to a
// platform for one run and turns what they saw into stats, the profile
// tables and the trace file. Without either option only the layer profile
// is attached (as before) and no flow listener is set: the core's hot loop
// pays nothing.
#pragma once
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "energy/cost_table.hpp"
#include "sim/elf_loader.hpp"
#include "sim/layer_profile.hpp"
#include "sim/platform.hpp"
#include "sim/profile_options.hpp"
#include "sim/profile_functions.hpp"
#include "sim/profile_layers.hpp"
#include "sim/stats.hpp"
#include "sim/timeline_spans.hpp"
#include "sim/timeline_trace.hpp"

namespace sim {

// At most this many function spans in a timeline (SpanMerger merges the
// shortest beyond it; the file's otherData says how short).
inline constexpr size_t kTimelineFunctionSpans = 100000;

class ProfileSession {
 public:
  // Attaches `layers` to the firmware's marker port, and the profilers the
  // options ask for. The platform, firmware and layers must outlive it.
  ProfileSession(const ProfileOptions& options, Platform& platform, const ElfImage& firmware, LayerProfile& layers);
  ~ProfileSession();
  ProfileSession(const ProfileSession&) = delete;
  ProfileSession& operator=(const ProfileSession&) = delete;

  // Around Platform::run().
  void start();
  void finish();

  // profile.functions.* and layers.<i>.energy_pj (with --profile).
  void register_stats(StatsRegistry& stats, const energy::CostTable& table) const;
  // The --profile tables from those stats; empty without --profile.
  std::string report(const StatsRegistry& stats) const;
  // The --timeline trace.
  nlohmann::json timeline() const;

 private:
  struct AccelSpan {
    double begin_us, end_us;
  };
  double cycles_us(uint64_t cycles) const;
  std::string layer_name(uint32_t index) const;
  void add_layer_tracks(TimelineTrace& trace) const;
  void add_function_track(TimelineTrace& trace) const;
  void add_accel_track(TimelineTrace& trace) const;

  ProfileOptions options_;
  Platform& platform_;
  LayerProfile& layers_;
  std::unique_ptr<FunctionProfile> functions_;  // with --profile or function spans
  std::unique_ptr<LayerActivity> layer_activity_;
  std::unique_ptr<SpanMerger> function_spans_;
  std::vector<AccelSpan> accel_spans_;
};

}  // namespace sim
