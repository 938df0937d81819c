// Connects a LayerProfile to a Platform: the ITM's marker port calls the
// profiler, and the profiler reads the platform's counters.
#pragma once
#include "sim/layer_profile.hpp"
#include "sim/platform.hpp"

namespace sim {

// The counters now. Called from inside the core's instruction that writes a
// marker: the core's cycle and instruction counts are exact there (they
// stand before that instruction), and its lazily counted instruction fetches
// are flushed first. The accelerator's PMU and DMA traffic are as far as its
// SystemC process has run, which is at least up to the core's last access to
// a device (the driver's wait for completion).
CounterSnapshot sample_counters(Platform& platform);

// Sends what the firmware writes to ITM port kLayerMarkerPort to
// `profile` (the other ports stay silent). Both must outlive the run.
void attach_layer_profile(Platform& platform, LayerProfile& profile);

}  // namespace sim
