#include "sim/sweep_results.hpp"

#include <chrono>
#include <ctime>
#include <stdexcept>

#include <unistd.h>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "sim/csv.hpp"

namespace sim {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

// A parameter's YAML text as a JSON value: a number or boolean when it is
// one and reads back as the same text, else the text.
Json typed(const std::string& text) {
  const Json parsed = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if ((parsed.is_number() || parsed.is_boolean()) && parsed.dump() == text) return parsed;
  return text;
}

std::string untyped(const Json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

PointStatus status_from(const std::string& name) {
  for (const PointStatus s : {PointStatus::Ok, PointStatus::Limit, PointStatus::Failed})
    if (name == name_of(s)) return s;
  throw std::invalid_argument("unknown status '" + name + "'");
}

}  // namespace

void replace_file(const fs::path& file, const std::string& text) {
  // The writer's pid in the temporary's name: two processes writing the same
  // file (a point submitted twice) do not write into each other's.
  const fs::path temporary = fmt::format("{}.{}.tmp", file.string(), getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) throw std::runtime_error(fmt::format("{}: cannot write", temporary.string()));
  }
  fs::rename(temporary, file);
}

const char* name_of(PointStatus status) {
  switch (status) {
    case PointStatus::Ok: return "ok";
    case PointStatus::Limit: return "limit";
    case PointStatus::Failed: return "failed";
  }
  return "?";
}

Json to_json(const PointResult& r) {
  Json parameters = Json::object();
  for (const auto& [key, value] : r.parameters) parameters[key] = typed(value);
  return Json{{"id", r.id},
              {"platform", r.platform},
              {"workload", r.workload},
              {"parameters", parameters},
              {"status", name_of(r.status)},
              {"exit_code", r.exit_code},
              {"message", r.message},
              {"metrics", r.metrics},
              {"finished", r.finished}};
}

PointResult result_from_json(const Json& json) {
  PointResult r;
  r.id = json.at("id").get<std::string>();
  if (r.id.empty()) throw std::invalid_argument("empty id");
  r.platform = json.at("platform").get<std::string>();
  r.workload = json.at("workload").get<std::string>();
  for (const auto& [key, value] : json.at("parameters").items()) r.parameters.emplace_back(key, untyped(value));
  r.status = status_from(json.at("status").get<std::string>());
  r.exit_code = json.at("exit_code").get<int>();
  r.message = json.at("message").get<std::string>();
  r.metrics = json.at("metrics");
  if (!r.metrics.is_object()) throw std::invalid_argument("metrics is not an object");
  r.finished = json.at("finished").get<std::string>();
  return r;
}

std::vector<std::string> csv_header(const std::vector<std::string>& parameter_keys, const std::vector<std::string>& metrics) {
  std::vector<std::string> header = {"id", "platform", "workload"};
  header.insert(header.end(), parameter_keys.begin(), parameter_keys.end());
  header.insert(header.end(), {"status", "exit_code", "message"});
  header.insert(header.end(), metrics.begin(), metrics.end());
  header.push_back("finished");
  return header;
}

std::vector<std::string> csv_fields(const PointResult& r, const std::vector<std::string>& parameter_keys,
                                    const std::vector<std::string>& metrics) {
  std::vector<std::string> row = {r.id, r.platform, r.workload};
  for (const auto& key : parameter_keys) {
    std::string value;
    for (const auto& [k, v] : r.parameters)
      if (k == key) value = v;
    row.push_back(value);
  }
  row.insert(row.end(), {name_of(r.status), std::to_string(r.exit_code), r.message});
  for (const auto& metric : metrics) {
    const auto it = r.metrics.find(metric);
    row.push_back(it == r.metrics.end() || it->is_null() ? "" : untyped(*it));
  }
  row.push_back(r.finished);
  return row;
}

RecordedResults read_results(const fs::path& jsonl, bool ok_only) {
  RecordedResults recorded;
  std::ifstream in(jsonl);
  for (std::string line; in && std::getline(in, line);) {
    try {
      PointResult r = result_from_json(Json::parse(line));
      if (ok_only && r.status != PointStatus::Ok) continue;
      if (!recorded.results.contains(r.id)) recorded.order.push_back(r.id);
      recorded.results[r.id] = std::move(r);
    } catch (const std::exception&) {
      ++recorded.dropped_lines;  // cut short by a kill, or not a record
    }
  }
  return recorded;
}

fs::path point_record_path(const fs::path& dir, const std::string& id) { return dir / "points" / (id + ".json"); }

std::optional<PointResult> read_point_record(const fs::path& dir, const std::string& id) {
  std::ifstream in(point_record_path(dir, id), std::ios::binary);
  if (!in) return std::nullopt;
  try {
    PointResult r = result_from_json(Json::parse(in));
    if (r.id == id) return r;
  } catch (const std::exception&) {
    // not a record: as if the point had not run
  }
  return std::nullopt;
}

void write_point_record(const fs::path& dir, const PointResult& result) {
  const fs::path file = point_record_path(dir, result.id);
  fs::create_directories(file.parent_path());
  replace_file(file, to_json(result).dump() + '\n');
}

ResultsLog::ResultsLog(const fs::path& dir, std::vector<std::string> parameter_keys, std::vector<std::string> metrics,
                       bool retry_failed)
    : dir_(dir), parameter_keys_(std::move(parameter_keys)), metrics_(std::move(metrics)) {
  fs::create_directories(dir_);
  RecordedResults recorded = read_results(jsonl_path(), retry_failed);
  results_ = std::move(recorded.results);
  dropped_lines_ = recorded.dropped_lines;
  std::vector<PointResult> kept;
  for (const auto& id : recorded.order) kept.push_back(results_.at(id));
  write_results(dir_, parameter_keys_, metrics_, kept);
  jsonl_.open(jsonl_path(), std::ios::binary | std::ios::app);
  csv_.open(csv_path(), std::ios::binary | std::ios::app);
  if (!jsonl_ || !csv_) throw std::runtime_error(fmt::format("{}: cannot open the results to append", dir_.string()));
}

void ResultsLog::append(const PointResult& result) {
  // One write per line, flushed at once: a kill loses at most the line being written.
  jsonl_ << to_json(result).dump() + '\n' << std::flush;
  csv_ << csv_row(csv_fields(result, parameter_keys_, metrics_)) << std::flush;
  if (!jsonl_ || !csv_) throw std::runtime_error(fmt::format("{}: cannot append the results", dir_.string()));
  results_[result.id] = result;
}

void write_results(const fs::path& dir, const std::vector<std::string>& parameter_keys, const std::vector<std::string>& metrics,
                   const std::vector<PointResult>& results) {
  std::string jsonl, csv = csv_row(csv_header(parameter_keys, metrics));
  for (const auto& r : results) {
    jsonl += to_json(r).dump() + '\n';
    csv += csv_row(csv_fields(r, parameter_keys, metrics));
  }
  replace_file(dir / "results.jsonl", jsonl);
  replace_file(dir / "results.csv", csv);
}

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(now));
}

}  // namespace sim
