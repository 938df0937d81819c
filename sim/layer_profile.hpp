// The per-layer profile of a compiled network's run. The firmware announces
// each operator before it runs on ITM stimulus port 1; at each marker the
// profiler reads the platform's counters (a CounterSnapshot: exact core
// cycles and instructions, memory traffic per region, the accelerator's PMU)
// and charges what they grew by since the previous marker to the layer that
// was running. Counts before the first marker, between an END and the next
// layer, and after the last END are "outside" the layers, so that the layer
// rows plus outside add up to the whole run exactly.
//
// Marker values (workloads/model/model_runtime.h writes them):
//   0x00000000..0x0FFFFFFF  layer (operator) index: that layer starts
//   0xEE000000 | k          early exit k taken (k < 2^24); the current layer goes on
//   0xFFFFFFFF              end of an inference: outside from here
// Anything else is reported once as a warning and otherwise ignored.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "memory/traffic.hpp"
#include "sim/model_metadata.hpp"

namespace sim {

inline constexpr unsigned kLayerMarkerPort = 1;
inline constexpr uint32_t kLastLayerMarker = 0x0FFFFFFF;
inline constexpr uint32_t kEndMarker = 0xFFFFFFFF;
inline constexpr uint32_t kExitMarker = 0xEE000000;      // | k
inline constexpr uint32_t kExitMarkerMask = 0xFF000000;  // the bits that say "exit"

// Counters that only grow during a run; a layer's are the differences.
struct CounterSnapshot {
  uint64_t cycles = 0;  // the core's own count (exact, whatever SystemC time says)
  uint64_t instructions = 0;
  uint64_t sleep_cycles = 0;
  uint64_t accel_cycles = 0;  // accelerator clock cycles busy (0 without one)
  uint64_t accel_macs = 0;
  std::vector<memory::Traffic> memories;  // per memory, in the platform's order, every master

  // this += (later - earlier)
  void add_difference(const CounterSnapshot& later, const CounterSnapshot& earlier);
};

struct LayerRow {
  uint32_t index = 0;
  std::optional<LayerInfo> info;  // from the firmware's .edgesim.model, if it names this index
  uint64_t runs = 0;              // how often its marker was seen (inferences)
  CounterSnapshot counts;         // summed over its runs
};

struct EarlyExit {
  uint32_t exit = 0;
  std::optional<uint32_t> after_layer;  // the layer running when it was taken
};

class LayerProfile {
 public:
  using Sampler = std::function<CounterSnapshot()>;
  using Warn = std::function<void(const std::string&)>;

  LayerProfile(std::optional<ModelMetadata> model, Sampler sample, Warn warn);

  // The run starts / ends: counting begins / the open span is closed.
  void start();
  void finish();
  // A value written to the marker port.
  void marker(uint32_t value);

  // Whether the firmware wrote any layer marker: without one there is no
  // per-layer report.
  bool has_layers() const { return !runs_.empty(); }
  // Every layer of the metadata (those that never ran with runs == 0), then
  // marked indices it does not name, by index. Empty without markers.
  std::vector<LayerRow> rows() const;
  const CounterSnapshot& outside() const { return outside_; }
  uint64_t inferences() const { return inferences_; }
  const std::optional<EarlyExit>& early_exit() const { return exit_; }
  const std::optional<ModelMetadata>& model() const { return model_; }

 private:
  struct Accumulated {
    uint64_t runs = 0;
    CounterSnapshot counts;
  };
  // Charges the span since the last marker to whatever was running.
  void close_span();

  std::optional<ModelMetadata> model_;
  Sampler sample_;
  Warn warn_;
  CounterSnapshot last_;                   // the counters at the previous marker
  std::optional<uint32_t> current_;        // the running layer; none: outside
  std::map<uint32_t, Accumulated> runs_;  // by layer index
  CounterSnapshot outside_;
  uint64_t inferences_ = 0;
  std::optional<EarlyExit> exit_;
  bool warned_unknown_ = false;
};

}  // namespace sim
