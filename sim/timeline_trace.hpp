// A trace-event file (the Chrome/Perfetto JSON format: ui.perfetto.dev and
// chrome://tracing open it): one process, named tracks (threads), complete
// events ("ph": "X") with ts and dur in microseconds, and metadata events
// naming the process and the tracks. Spans on one track must not overlap
// unless one contains the other (the viewers nest those).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace sim {

class TimelineTrace {
 public:
  explicit TimelineTrace(std::string process_name);

  // A track, shown in the order added; returns its tid.
  uint32_t add_track(const std::string& name);
  void add_span(uint32_t track, std::string name, double begin_us, double end_us, nlohmann::json args = nullptr);
  // A note in the file's "otherData" (how the spans were made, merged, ...).
  void set_note(const std::string& key, nlohmann::json value);

  // {"traceEvents": [...], "displayTimeUnit": "ns", "otherData": {...}}
  nlohmann::json to_json() const;

 private:
  static constexpr uint32_t kPid = 1;
  nlohmann::json events_ = nlohmann::json::array();
  nlohmann::json notes_ = nlohmann::json::object();
  uint32_t tracks_ = 0;
};

}  // namespace sim
