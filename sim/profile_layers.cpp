#include "sim/profile_layers.hpp"

#include "sim/layer_profile.hpp"

namespace sim {

LayerActivity::LayerActivity(Sampler sample) : sample_(std::move(sample)) {}

void LayerActivity::start() {
  last_ = ProfileCounts{};
  current_.reset();
  current_since_ = 0;
  inference_since_.reset();
}

uint64_t LayerActivity::close_span() {
  sample_(now_);
  (current_ ? layers_[*current_] : outside_).add_difference(now_, last_);
  const uint64_t cycle = now_.activity.cycles;
  if (current_) layer_spans_.push_back({*current_, current_since_, cycle});
  std::swap(last_, now_);
  current_since_ = cycle;
  return cycle;
}

void LayerActivity::marker(uint32_t value) {
  if (value <= kLastLayerMarker) {
    const uint64_t cycle = close_span();
    if (!inference_since_) inference_since_ = cycle;
    current_ = value;
  } else if (value == kEndMarker) {
    const uint64_t cycle = close_span();
    if (inference_since_) inference_spans_.push_back({*inference_since_, cycle});
    inference_since_.reset();
    current_.reset();
  }
  // Early exits and unknown values change nothing here (LayerProfile reports them).
}

void LayerActivity::finish() {
  const uint64_t cycle = close_span();
  if (inference_since_) inference_spans_.push_back({*inference_since_, cycle});
  inference_since_.reset();
  current_.reset();
}

}  // namespace sim
