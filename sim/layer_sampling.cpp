#include "sim/layer_sampling.hpp"

namespace sim {

CounterSnapshot sample_counters(Platform& platform) {
  isa::Cpu& cpu = platform.core().cpu();
  cpu.flush_fetch_counts();
  CounterSnapshot s;
  s.cycles = cpu.cycles();
  s.instructions = cpu.instructions();
  s.sleep_cycles = cpu.sleep_cycles();
  if (const accel::device::Accelerator* a = platform.accelerator()) {
    const accel::device::Pmu pmu = a->totals();
    s.accel_cycles = pmu.cycles;
    s.accel_macs = pmu.macs;
  }
  for (const auto& m : platform.memories()) s.memories.push_back(m->all_traffic());
  return s;
}

void attach_layer_profile(Platform& platform, LayerProfile& profile) {
  platform.core().cpu().scs().set_itm_listener([&profile](unsigned port, uint32_t value) {
    if (port == kLayerMarkerPort) profile.marker(value);
  });
}

}  // namespace sim
