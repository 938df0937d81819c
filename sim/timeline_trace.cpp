#include "sim/timeline_trace.hpp"

#include <algorithm>

namespace sim {

namespace {
nlohmann::json metadata_event(const char* what, uint32_t pid, uint32_t tid, nlohmann::json args) {
  return {{"ph", "M"}, {"name", what}, {"pid", pid}, {"tid", tid}, {"ts", 0}, {"args", std::move(args)}};
}
}  // namespace

TimelineTrace::TimelineTrace(std::string process_name) {
  events_.push_back(metadata_event("process_name", kPid, 0, {{"name", std::move(process_name)}}));
}

uint32_t TimelineTrace::add_track(const std::string& name) {
  const uint32_t tid = ++tracks_;
  events_.push_back(metadata_event("thread_name", kPid, tid, {{"name", name}}));
  events_.push_back(metadata_event("thread_sort_index", kPid, tid, {{"sort_index", tid}}));
  return tid;
}

void TimelineTrace::add_span(uint32_t track, std::string name, double begin_us, double end_us, nlohmann::json args) {
  nlohmann::json e = {{"ph", "X"},          {"name", std::move(name)}, {"pid", kPid},
                      {"tid", track},       {"ts", begin_us},          {"dur", std::max(0.0, end_us - begin_us)}};
  if (!args.is_null()) e["args"] = std::move(args);
  events_.push_back(std::move(e));
}

void TimelineTrace::set_note(const std::string& key, nlohmann::json value) { notes_[key] = std::move(value); }

nlohmann::json TimelineTrace::to_json() const {
  return {{"traceEvents", events_}, {"displayTimeUnit", "ns"}, {"otherData", notes_}};
}

}  // namespace sim
