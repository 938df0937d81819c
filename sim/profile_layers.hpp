// The per-layer side of --profile and --timeline: what the layers of a
// compiled network cost in energy (the layer report's counts are
// LayerProfile's; this adds the operation counts and the accelerator's
// activity that energy needs), and when each layer and inference ran.
// Fed the same ITM markers as LayerProfile (layer_profile.hpp says what
// they mean); counts between an END and the next layer are "outside".
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <vector>

#include "sim/profile_counts.hpp"

namespace sim {

// A stretch of core cycles [begin, end).
struct LayerSpan {
  uint32_t layer = 0;
  uint64_t begin = 0, end = 0;
};
struct InferenceSpan {
  uint64_t begin = 0, end = 0;  // the first layer's start to the END marker (or the run's end)
};

class LayerActivity {
 public:
  // Fills `into` with the counters now, operation counts and the
  // accelerator's included.
  using Sampler = std::function<void(ProfileCounts& into)>;

  explicit LayerActivity(Sampler sample);

  // Counting starts from zero counters, so that layers and outside add up
  // to the whole run.
  void start();
  void marker(uint32_t value);
  void finish();

  const std::map<uint32_t, ProfileCounts>& layers() const { return layers_; }  // by index, summed over runs
  const ProfileCounts& outside() const { return outside_; }
  const std::vector<LayerSpan>& layer_spans() const { return layer_spans_; }
  const std::vector<InferenceSpan>& inference_spans() const { return inference_spans_; }

 private:
  // Charges the counters' growth since the last marker; returns the cycle now.
  uint64_t close_span();

  Sampler sample_;
  ProfileCounts last_, now_;
  std::optional<uint32_t> current_;  // the running layer; none: outside
  uint64_t current_since_ = 0;
  std::optional<uint64_t> inference_since_;
  std::map<uint32_t, ProfileCounts> layers_;
  ProfileCounts outside_;
  std::vector<LayerSpan> layer_spans_;
  std::vector<InferenceSpan> inference_spans_;
};

}  // namespace sim
