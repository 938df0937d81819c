// A sweep's results: one record per finished point, appended (and flushed)
// to DIR/results.jsonl and DIR/results.csv as each point finishes, so a
// sweep that is killed keeps everything it finished, and a re-run reads them
// back to skip those points.
//
// results.jsonl, one JSON object per line:
//   {"id": "9f86d081884c7d65", "platform": "stm32f407", "workload": "kws",
//    "parameters": {"memories.flash.wait_states": 5, ...},   (numbers and booleans typed)
//    "status": "ok" | "limit" | "failed", "exit_code": 0, "message": "",
//    "metrics": {"core.cycles": 123, "energy.total_pj": 4.5e6, ...},  (null: not in the stats)
//    "finished": "2025-01-31T12:00:00Z"}
// results.csv: id, platform, workload, one column per parameter, status, exit_code,
// message, one column per metric, finished.
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/sweep_constraint.hpp"

namespace sim {

// limit: the run hit --max-instructions (exit 124); failed: anything else
// that is not exit 0 (a fault, the firmware's exit code, a platform the
// parameters make invalid, a model that does not compile for it).
enum class PointStatus { Ok, Limit, Failed };

const char* name_of(PointStatus status);

struct PointResult {
  std::string id;
  std::string platform;  // platform_label()
  std::string workload;
  ParameterValues parameters;
  PointStatus status = PointStatus::Ok;
  int exit_code = 0;    // of the step that failed; -1: killed by a signal
  std::string message;  // one line: why it failed; empty when ok
  nlohmann::ordered_json metrics = nlohmann::ordered_json::object();  // name -> value, null when absent
  std::string finished;                                               // when it was recorded: UTC, ISO 8601
};

nlohmann::ordered_json to_json(const PointResult& result);
// Throws std::exception (nlohmann's or std::invalid_argument) for a record
// that is not one.
PointResult result_from_json(const nlohmann::ordered_json& json);

// The CSV's header and a result's row for these columns.
std::vector<std::string> csv_header(const std::vector<std::string>& parameter_keys, const std::vector<std::string>& metrics);
std::vector<std::string> csv_fields(const PointResult& result, const std::vector<std::string>& parameter_keys,
                                    const std::vector<std::string>& metrics);

// A results.jsonl's records: each point's last complete one (a line that is
// not a record, e.g. cut short by a kill, is dropped and counted; with
// `ok_only`, so are the records of points that did not finish ok), and the
// ids in the order the file first had them. No file: none.
struct RecordedResults {
  std::map<std::string, PointResult> results;
  std::vector<std::string> order;
  std::size_t dropped_lines = 0;
};
RecordedResults read_results(const std::filesystem::path& jsonl, bool ok_only);

// A point run on its own (a Slurm array task) records itself in
// DIR/points/<id>.json, one record as results.jsonl has them, written in one
// step; `edgesim sweep --collect DIR` merges them into the results.
std::filesystem::path point_record_path(const std::filesystem::path& dir, const std::string& id);
// nullopt: no file, or not this point's record.
std::optional<PointResult> read_point_record(const std::filesystem::path& dir, const std::string& id);
void write_point_record(const std::filesystem::path& dir, const PointResult& result);

class ResultsLog {
 public:
  // Reads DIR/results.jsonl if there is one, keeping each point's last
  // complete record (a line cut short when a sweep was killed is dropped; with
  // `retry_failed`, so are the records of points that did not finish ok),
  // rewrites both files from those records (the CSV with today's columns),
  // and opens them to append. Throws std::runtime_error when it cannot.
  ResultsLog(const std::filesystem::path& dir, std::vector<std::string> parameter_keys,
             std::vector<std::string> metrics, bool retry_failed);

  // The records kept, by id.
  const std::map<std::string, PointResult>& results() const { return results_; }
  std::size_t dropped_lines() const { return dropped_lines_; }

  // Adds a record and writes it to both files, flushed.
  void append(const PointResult& result);

  std::filesystem::path jsonl_path() const { return dir_ / "results.jsonl"; }
  std::filesystem::path csv_path() const { return dir_ / "results.csv"; }

 private:
  std::filesystem::path dir_;
  std::vector<std::string> parameter_keys_, metrics_;
  std::map<std::string, PointResult> results_;
  std::size_t dropped_lines_ = 0;
  std::ofstream jsonl_, csv_;
};

// Writes DIR/results.jsonl and DIR/results.csv afresh with these records, in
// this order, each file replaced in one step.
void write_results(const std::filesystem::path& dir, const std::vector<std::string>& parameter_keys,
                   const std::vector<std::string>& metrics, const std::vector<PointResult>& results);

// Replaces `file` with `text` in one step (written beside it, then renamed
// over it): a kill, or a reader on another node, sees the old or the new.
// Throws std::runtime_error when it cannot write.
void replace_file(const std::filesystem::path& file, const std::string& text);

// The current UTC time as ISO 8601 ("2025-01-31T12:00:00Z").
std::string utc_now();

}  // namespace sim
