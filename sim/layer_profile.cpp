#include "sim/layer_profile.hpp"

#include <fmt/format.h>

namespace sim {

void CounterSnapshot::add_difference(const CounterSnapshot& later, const CounterSnapshot& earlier) {
  cycles += later.cycles - earlier.cycles;
  instructions += later.instructions - earlier.instructions;
  sleep_cycles += later.sleep_cycles - earlier.sleep_cycles;
  accel_cycles += later.accel_cycles - earlier.accel_cycles;
  accel_macs += later.accel_macs - earlier.accel_macs;
  memories.resize(later.memories.size());
  for (size_t i = 0; i < later.memories.size(); ++i) {
    const memory::Traffic& a = later.memories[i];
    const memory::Traffic b = i < earlier.memories.size() ? earlier.memories[i] : memory::Traffic{};
    memory::Traffic& t = memories[i];
    t.fetches += a.fetches - b.fetches;
    t.fetch_bytes += a.fetch_bytes - b.fetch_bytes;
    t.reads += a.reads - b.reads;
    t.bytes_read += a.bytes_read - b.bytes_read;
    t.writes += a.writes - b.writes;
    t.bytes_written += a.bytes_written - b.bytes_written;
  }
}

LayerProfile::LayerProfile(std::optional<ModelMetadata> model, Sampler sample, Warn warn)
    : model_(std::move(model)), sample_(std::move(sample)), warn_(std::move(warn)) {}

void LayerProfile::start() {
  last_ = sample_();
  current_.reset();
}

void LayerProfile::close_span() {
  const CounterSnapshot now = sample_();
  CounterSnapshot& into = current_ ? runs_[*current_].counts : outside_;
  into.add_difference(now, last_);
  last_ = now;
}

void LayerProfile::finish() { close_span(); }

void LayerProfile::marker(uint32_t value) {
  if (value <= kLastLayerMarker) {
    close_span();
    current_ = value;
    ++runs_[value].runs;
  } else if (value == kEndMarker) {
    close_span();
    current_.reset();
    ++inferences_;
  } else if ((value & kExitMarkerMask) == kExitMarker) {
    exit_ = EarlyExit{value & ~kExitMarkerMask, current_};
  } else if (!warned_unknown_) {
    warned_unknown_ = true;
    if (warn_)
      warn_(fmt::format("layer marker {:#010x} on ITM port {} is not a layer index, an early exit or the end "
                        "(ignored; reported once)",
                        value, kLayerMarkerPort));
  }
}

std::vector<LayerRow> LayerProfile::rows() const {
  std::vector<LayerRow> rows;
  if (runs_.empty()) return rows;
  const auto row = [this](uint32_t index, const LayerInfo* info) {
    LayerRow r{.index = index, .info = info ? std::optional<LayerInfo>(*info) : std::nullopt, .runs = 0, .counts = {}};
    if (const auto it = runs_.find(index); it != runs_.end()) {
      r.runs = it->second.runs;
      r.counts = it->second.counts;
    }
    return r;
  };
  if (model_)
    for (const LayerInfo& l : model_->layers) rows.push_back(row(l.index, &l));
  for (const auto& [index, accumulated] : runs_)
    if (!model_ || !model_->layer(index)) rows.push_back(row(index, nullptr));
  return rows;
}

}  // namespace sim
