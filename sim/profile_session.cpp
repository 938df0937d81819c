#include "sim/profile_session.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "sim/energy_activity.hpp"
#include "sim/layer_sampling.hpp"
#include "sim/profile_report.hpp"
#include "sim/profile_stats.hpp"
#include "sim/timeline_trace.hpp"

namespace sim {

namespace {
// The counters now, exact inside the core's instruction or branch that
// asks (the lazily counted fetches flushed first).
void sample(Platform& platform, ProfileCounts& into) {
  isa::Cpu& cpu = platform.core().cpu();
  cpu.flush_fetch_counts();
  into.instructions = cpu.instructions();
  gather_counts(platform, into.activity);
}

// A function's: not the accelerator, which runs on its own while the core
// is anywhere (its activity is the layers').
void sample_for_functions(Platform& platform, ProfileCounts& into) {
  sample(platform, into);
  into.activity.accel.reset();
}

// A layer's: the lane operations too (a walk of the decoded-instruction
// cache, once per marker).
void sample_for_layers(Platform& platform, ProfileCounts& into) {
  sample(platform, into);
  into.activity.ops = platform.core().cpu().work_counts();
}
}  // namespace

ProfileSession::ProfileSession(const ProfileOptions& options, Platform& platform, const ElfImage& firmware,
                               LayerProfile& layers)
    : options_(options), platform_(platform), layers_(layers) {
  if (options_.timeline && !layers.model()) options_.timeline_functions = true;
  const bool function_spans = options_.timeline && options_.timeline_functions;
  if (options_.top_functions || function_spans) {
    FunctionProfile::SpanSink sink;
    if (function_spans) {
      function_spans_ = std::make_unique<SpanMerger>(kTimelineFunctionSpans);
      sink = [spans = function_spans_.get()](uint32_t f, uint64_t begin, uint64_t end) { spans->add(f, begin, end); };
    }
    functions_ = std::make_unique<FunctionProfile>(
        FunctionMap(firmware), [&platform](ProfileCounts& into) { sample_for_functions(platform, into); }, sink,
        [&platform] { return uint32_t{platform.core().cpu().state().exception}; });
    platform.core().cpu().set_flow_listener(functions_.get());
  }
  if (options_.top_functions || options_.timeline)
    layer_activity_ = std::make_unique<LayerActivity>([&platform](ProfileCounts& into) { sample_for_layers(platform, into); });
  if (!layer_activity_) {
    attach_layer_profile(platform, layers);
  } else {
    platform.core().cpu().scs().set_itm_listener([&layers, activity = layer_activity_.get()](unsigned port, uint32_t value) {
      if (port != kLayerMarkerPort) return;
      layers.marker(value);
      activity->marker(value);
    });
  }
  if (options_.timeline)
    if (accel::device::Accelerator* a = platform.accelerator())
      a->set_busy_listener([this](const sc_core::sc_time& begin, const sc_core::sc_time& end) {
        accel_spans_.push_back({begin.to_seconds() * 1e6, end.to_seconds() * 1e6});
      });
}

ProfileSession::~ProfileSession() {
  if (functions_) platform_.core().cpu().set_flow_listener(nullptr);
  if (options_.timeline)
    if (accel::device::Accelerator* a = platform_.accelerator()) a->set_busy_listener(nullptr);
}

void ProfileSession::start() {
  if (functions_) functions_->start(platform_.core().cpu().state().pc);
  if (layer_activity_) layer_activity_->start();
}

void ProfileSession::finish() {
  if (functions_) {
    functions_->finish();
    functions_->add_executions(platform_.core().cpu().pc_executions());
  }
  if (layer_activity_) layer_activity_->finish();
}

void ProfileSession::register_stats(StatsRegistry& stats, const energy::CostTable& table) const {
  if (!options_.top_functions) return;
  register_function_stats(stats, functions_->rows(), table);
  register_layer_energy_stats(stats, layers_, *layer_activity_, table);
}

std::string ProfileSession::report(const StatsRegistry& stats) const {
  return options_.top_functions ? profile_report(stats, *options_.top_functions) : std::string();
}

double ProfileSession::cycles_us(uint64_t cycles) const {
  return static_cast<double>(cycles) * 1e6 / static_cast<double>(platform_.config().core.clock_hz);
}

std::string ProfileSession::layer_name(uint32_t index) const {
  const LayerInfo* info = layers_.model() ? layers_.model()->layer(index) : nullptr;
  return info ? fmt::format("{} {}", index, info->op) : fmt::format("layer {}", index);
}

void ProfileSession::add_layer_tracks(TimelineTrace& trace) const {
  const auto& spans = layer_activity_->layer_spans();
  if (spans.empty()) return;
  const uint32_t core = trace.add_track("core");
  const auto& inferences = layer_activity_->inference_spans();
  for (size_t i = 0; i < inferences.size(); ++i)
    trace.add_span(core, fmt::format("inference {}", i + 1), cycles_us(inferences[i].begin), cycles_us(inferences[i].end),
                   {{"cycles", inferences[i].end - inferences[i].begin}});
  for (const LayerSpan& s : spans) {
    nlohmann::json args = {{"layer", s.layer}, {"cycles", s.end - s.begin}};
    if (const LayerInfo* info = layers_.model() ? layers_.model()->layer(s.layer) : nullptr) {
      args["output"] = info->output;
      args["macs"] = info->macs;
    }
    trace.add_span(core, layer_name(s.layer), cycles_us(s.begin), cycles_us(s.end), std::move(args));
  }
}

void ProfileSession::add_function_track(TimelineTrace& trace) const {
  if (!function_spans_) return;
  const uint32_t track = trace.add_track("functions");
  const auto& names = functions_->map().names();
  for (const SpanMerger::Span& s : function_spans_->spans()) {
    nlohmann::json args = {{"cycles", s.end - s.begin}};
    std::string name = names[s.id];
    if (s.parts > 1) {
      args["merged_spans"] = s.parts;
      args["longest_part_cycles"] = s.longest;
      name += fmt::format(" (+{} merged)", s.parts - 1);
    }
    trace.add_span(track, std::move(name), cycles_us(s.begin), cycles_us(s.end), std::move(args));
  }
  trace.set_note("function_spans", {{"seen", function_spans_->added()},
                                    {"written", function_spans_->spans().size()},
                                    {"cap", kTimelineFunctionSpans},
                                    {"merged_below_cycles", function_spans_->threshold()},
                                    {"rule", "consecutive spans each shorter than merged_below_cycles are one span, "
                                             "named after its longest part"}});
}

void ProfileSession::add_accel_track(TimelineTrace& trace) const {
  if (!platform_.accelerator()) return;
  const uint32_t track = trace.add_track("accel");
  const auto& layers = layer_activity_->layer_spans();
  for (const AccelSpan& a : accel_spans_) {
    // Named after the layer whose span holds its start, if any.
    const auto in = std::find_if(layers.begin(), layers.end(), [&](const LayerSpan& l) {
      return cycles_us(l.begin) <= a.begin_us && a.begin_us < cycles_us(l.end);
    });
    const std::string name = in == layers.end() ? "accel busy" : "accel: " + layer_name(in->layer);
    nlohmann::json args = {{"duration_us", a.end_us - a.begin_us}};
    if (in != layers.end()) args["layer"] = in->layer;
    trace.add_span(track, name, a.begin_us, a.end_us, std::move(args));
  }
}

nlohmann::json ProfileSession::timeline() const {
  TimelineTrace trace("edgesim " + platform_.config().name);
  trace.set_note("clock_hz", platform_.config().core.clock_hz);
  trace.set_note("time", "simulated: ts and dur in microseconds of simulated time (core cycles / clock_hz)");
  add_layer_tracks(trace);
  add_function_track(trace);
  add_accel_track(trace);
  return trace.to_json();
}

}  // namespace sim
