#include "sim/sweep_results.hpp"

#include <chrono>
#include <ctime>
#include <stdexcept>

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

// Replaces `file` with `text` in one step (a kill leaves the old or the new).
void replace_file(const fs::path& file, const std::string& text) {
  const fs::path temporary = file.string() + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) throw std::runtime_error(fmt::format("{}: cannot write", temporary.string()));
  }
  fs::rename(temporary, file);
}

}  // namespace

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

ResultsLog::ResultsLog(const fs::path& dir, std::vector<std::string> parameter_keys, std::vector<std::string> metrics,
                       bool retry_failed)
    : dir_(dir), parameter_keys_(std::move(parameter_keys)), metrics_(std::move(metrics)) {
  fs::create_directories(dir_);
  std::vector<std::string> order;  // ids as the file first had them
  if (std::ifstream in(jsonl_path()); in) {
    for (std::string line; std::getline(in, line);) {
      try {
        PointResult r = result_from_json(Json::parse(line));
        if (retry_failed && r.status != PointStatus::Ok) continue;
        if (!results_.contains(r.id)) order.push_back(r.id);
        results_[r.id] = std::move(r);
      } catch (const std::exception&) {
        ++dropped_lines_;  // cut short by a kill, or not a record
      }
    }
  }
  std::string jsonl, csv = csv_row(csv_header(parameter_keys_, metrics_));
  for (const auto& id : order) {
    jsonl += to_json(results_.at(id)).dump() + '\n';
    csv += csv_row(csv_fields(results_.at(id), parameter_keys_, metrics_));
  }
  replace_file(jsonl_path(), jsonl);
  replace_file(csv_path(), csv);
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

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(now));
}

}  // namespace sim
