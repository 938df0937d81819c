#include "sim/layer_stats.hpp"

#include "sim/report_format.hpp"

namespace sim {

namespace {
// What every row (a layer or outside) has: the counters' differences.
void add_counts(StatsRegistry& stats, const std::string& p, const CounterSnapshot& c, uint64_t total_cycles,
                const PlatformConfig& platform) {
  stats.add_constant(p + "cycles", "cycle", "core cycles, sleep included", c.cycles);
  stats.add_constant(p + "cycles_pct", "%", "share of all core cycles (core.cycles)", 100.0 * ratio(c.cycles, total_cycles));
  stats.add_constant(p + "sleep_cycles", "cycle", "of cycles, asleep in WFI/WFE", c.sleep_cycles);
  stats.add_constant(p + "instructions", "instruction", "instructions executed", c.instructions);
  stats.add_constant(p + "cpi", "cycle/instruction", "cycles per instruction, sleep included",
                     ratio(c.cycles, c.instructions));
  uint64_t read = 0, written = 0, flash_read = 0;
  for (size_t i = 0; i < platform.memories.size(); ++i) {
    const memory::Traffic t = i < c.memories.size() ? c.memories[i] : memory::Traffic{};
    const std::string m = p + "memory." + platform.memories[i].name + ".";
    stats.add_constant(m + "bytes_read", "byte", "bytes read from this memory, fetches and DMA included",
                       memory::all_bytes_read(t));
    stats.add_constant(m + "bytes_written", "byte", "bytes written to this memory, DMA included", t.bytes_written);
    read += memory::all_bytes_read(t);
    written += t.bytes_written;
    if (platform.memories[i].kind == MemoryKind::Flash) flash_read += memory::all_bytes_read(t);
  }
  stats.add_constant(p + "bytes_read", "byte", "bytes read from all memories, instruction fetches and DMA included", read);
  stats.add_constant(p + "bytes_written", "byte", "bytes written to all memories, DMA included", written);
  stats.add_constant(p + "flash_bytes_read", "byte", "of bytes_read, from flash memories (weights, code)", flash_read);
  if (platform.accel) {
    stats.add_constant(p + "accel_cycles", "accel_cycle", "accelerator cycles busy", c.accel_cycles);
    stats.add_constant(p + "accel_macs", "MAC", "multiply-accumulates on the accelerator", c.accel_macs);
  }
}

// The operator's static costs, per inference, as `edgesim compile` reported them.
void add_info(StatsRegistry& stats, const std::string& p, const LayerInfo& l, const LayerRow& row) {
  stats.add_constant(p + "op", "", "the operator", l.op);
  stats.add_constant(p + "output", "", "its output tensor", l.output);
  stats.add_constant(p + "macs", "MAC", "multiply-accumulates per inference", l.macs);
  stats.add_constant(p + "macs_per_cycle", "MAC/cycle", "macs x runs / cycles",
                     ratio(l.macs * row.runs, row.counts.cycles));
  stats.add_constant(p + "params", "parameter", "weights and biases", l.params);
  stats.add_constant(p + "param_bytes", "byte", "bytes of weights and biases", l.param_bytes);
  stats.add_constant(p + "input_bytes", "byte", "bytes of activations in", l.input_bytes);
  stats.add_constant(p + "output_bytes", "byte", "bytes of activations out", l.output_bytes);
}
}  // namespace

void register_layer_stats(StatsRegistry& stats, const LayerProfile& profile, const PlatformConfig& platform) {
  if (!profile.has_layers()) return;
  const std::vector<LayerRow> rows = profile.rows();
  uint64_t total = profile.outside().cycles;
  for (const LayerRow& r : rows) total += r.counts.cycles;

  for (const LayerRow& r : rows) {
    const std::string p = "layers." + std::to_string(r.index) + ".";
    stats.add_constant(p + "runs", "count", "times its marker was seen (once per inference)", r.runs);
    if (r.info) add_info(stats, p, *r.info, r);
    add_counts(stats, p, r.counts, total, platform);
  }
  add_counts(stats, "layers.outside.", profile.outside(), total, platform);

  if (const auto& m = profile.model()) {
    stats.add_constant("model.name", "", "the network (.edgesim.model)", m->model);
    stats.add_constant("model.backend", "", "the kernels it was compiled for", m->backend);
    if (!m->exits.empty())
      stats.add_constant("model.exits", "count", "its exits, the final output included", uint64_t{m->exits.size() + 1});
  }
  stats.add_constant("model.inferences", "count", "end-of-inference markers seen", profile.inferences());
  if (const auto& e = profile.early_exit()) {
    stats.add_constant("model.exit", "", "the early exit taken (the last one seen)", uint64_t{e->exit});
    if (e->after_layer)
      stats.add_constant("model.exit_after_layer", "", "the layer running when it was taken", uint64_t{*e->after_layer});
  }
}

}  // namespace sim
