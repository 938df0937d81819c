// What `edgesim run --profile / --timeline` ask for (sim/profile_session).
#pragma once
#include <cstddef>
#include <optional>
#include <string>

namespace sim {

struct ProfileOptions {
  std::optional<size_t> top_functions;  // --profile [N]: the table's rows
  std::optional<std::string> timeline;  // --timeline FILE.json
  // Function spans on the timeline: asked for (--timeline-functions), or
  // implied for a firmware without the model compiler's metadata (no layers
  // to show).
  bool timeline_functions = false;
};

}  // namespace sim
