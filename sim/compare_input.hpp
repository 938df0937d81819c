// What `edgesim compare` reads: the JSON `edgesim run --stats` writes, its
// nested values flattened back to the dotted names that "meta" lists (with
// their units).
#pragma once
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace sim {

// A file that cannot be read or is not a stats JSON; what() is one line
// naming the file.
class CompareInputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct RunStat {
  nlohmann::json value;  // number, string, or null (a non-finite number)
  std::string unit;
};

struct RunStats {
  std::string name;                      // the table's column heading
  std::map<std::string, RunStat> stats;  // by dotted name

  const RunStat* find(const std::string& stat) const;
};

// `origin` names the source in errors.
RunStats run_stats_from_json(const nlohmann::json& json, std::string name, const std::string& origin);
RunStats read_run_stats(const std::filesystem::path& file, std::string name);

}  // namespace sim
