// sim::LayerProfile, its metadata, stats and summary table, with a sampler
// whose counters the test sets by hand: every expected value is the
// difference of two numbers written here.
#include <catch2/catch.hpp>

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "sim/layer_profile.hpp"
#include "sim/layer_stats.hpp"
#include "sim/layer_summary.hpp"
#include "sim/model_metadata.hpp"

namespace {

// The "platform": two memories, flash then sram, and counters the test moves.
struct FakeCounters {
  sim::CounterSnapshot now{.memories = std::vector<memory::Traffic>(2)};
  void at(uint64_t cycles, uint64_t instructions, uint64_t flash_read, uint64_t sram_written) {
    now.cycles = cycles;
    now.instructions = instructions;
    now.memories[0].bytes_read = flash_read;
    now.memories[1].bytes_written = sram_written;
  }
};

sim::PlatformConfig two_memories() {
  sim::PlatformConfig p;
  p.memories = {{.name = "flash", .kind = sim::MemoryKind::Flash}, {.name = "sram", .kind = sim::MemoryKind::Ram}};
  return p;
}

const char* const kMetadata = R"({"format": 1, "model": "tiny", "backend": "simd", "platform": "stm32f407",
  "arena_bytes": 64, "inputs": [], "outputs": [],
  "layers": [
    {"index": 0, "op": "CONV_2D", "output": "conv1", "macs": 1000, "params": 40, "param_bytes": 48,
     "input_bytes": 100, "output_bytes": 200},
    {"index": 1, "op": "SOFTMAX", "output": "probabilities", "macs": 0, "params": 0, "param_bytes": 0,
     "input_bytes": 200, "output_bytes": 200},
    {"index": 2, "op": "RESHAPE", "output": "unused", "macs": 0, "params": 0, "param_bytes": 0,
     "input_bytes": 200, "output_bytes": 200}]})";

// The counters at one moment: cycles, instructions, flash bytes read, SRAM bytes written.
struct Counts {
  uint64_t cycles, instructions, flash_read, sram_written;
};

struct Fixture {
  FakeCounters counters;
  std::vector<std::string> warnings;
  sim::LayerProfile profile;
  explicit Fixture(std::optional<sim::ModelMetadata> model = std::nullopt)
      : profile(std::move(model), [this] { return counters.now; },
                [this](const std::string& w) { warnings.push_back(w); }) {}

  // start(), each of `markers` in turn, finish(); the counters stay put.
  void run_markers(std::initializer_list<uint32_t> markers) {
    profile.start();
    for (uint32_t m : markers) profile.marker(m);
    profile.finish();
  }

  // start() with the counters at `begin`; each step moves them to its counts
  // and then writes its marker; finish() with them at `end`.
  void run_timed(Counts begin, std::initializer_list<std::pair<Counts, uint32_t>> steps, Counts end) {
    move_to(begin);
    profile.start();
    for (const auto& [counts, marker] : steps) {
      move_to(counts);
      profile.marker(marker);
    }
    move_to(end);
    profile.finish();
  }

  // The layers.* and model.* stats of this profile, on flash + SRAM.
  sim::StatsRegistry stats() const {
    sim::StatsRegistry registry;
    sim::register_layer_stats(registry, profile, two_memories());
    return registry;
  }

 private:
  void move_to(const Counts& c) { counters.at(c.cycles, c.instructions, c.flash_read, c.sram_written); }
};

// The message parse_model_metadata() throws for `json`, or "(no error)".
std::string metadata_error(const std::string& json, const std::string& source) {
  try {
    sim::parse_model_metadata(json, source);
  } catch (const sim::ModelMetadataError& e) {
    return std::string(e.what());
  }
  return std::string("(no error)");
}

const sim::LayerRow& row(const std::vector<sim::LayerRow>& rows, uint32_t index) {
  for (const auto& r : rows)
    if (r.index == index) return r;
  FAIL("no row " << index);
  return rows.front();
}

}  // namespace

TEST_CASE("layer profile: each marker's span goes to the layer it starts, the rest is outside") {
  Fixture f;
  f.run_timed({10, 5, 0, 0},  // counting starts after reset code ran: not at zero
              {{{100, 60, 400, 8}, 0}, {{250, 160, 1400, 108}, 1}, {{400, 200, 1500, 308}, sim::kEndMarker}},
              {430, 215, 1540, 312});

  const auto rows = f.profile.rows();
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].index == 0);
  CHECK(rows[0].runs == 1);
  CHECK(rows[0].counts.cycles == 150);
  CHECK(rows[0].counts.instructions == 100);
  CHECK(rows[0].counts.memories[0].bytes_read == 1000);
  CHECK(rows[0].counts.memories[1].bytes_written == 100);
  CHECK(rows[1].counts.cycles == 150);
  CHECK(rows[1].counts.instructions == 40);
  // Outside: 10..100 and 400..430.
  CHECK(f.profile.outside().cycles == 90 + 30);
  CHECK(f.profile.outside().instructions == 55 + 15);
  CHECK(f.profile.outside().memories[0].bytes_read == 400 + 40);
  CHECK(rows[0].counts.cycles + rows[1].counts.cycles + f.profile.outside().cycles == 430 - 10);
  CHECK(f.profile.inferences() == 1);
  CHECK_FALSE(f.profile.early_exit());
  CHECK(f.warnings.empty());
}

TEST_CASE("layer profile: a layer run in several inferences accumulates with a count") {
  Fixture f;
  f.profile.start();
  uint64_t t = 0;
  for (int inference = 0; inference < 3; ++inference) {
    f.counters.at(t += 7, 0, 0, 0);  // outside: 7 cycles before each inference
    f.profile.marker(0);
    f.counters.at(t += 20, 0, 0, 0);
    f.profile.marker(1);
    f.counters.at(t += 5, 0, 0, 0);
    f.profile.marker(sim::kEndMarker);
  }
  f.counters.at(t += 2, 0, 0, 0);
  f.profile.finish();
  const auto rows = f.profile.rows();
  CHECK(row(rows, 0).runs == 3);
  CHECK(row(rows, 0).counts.cycles == 60);
  CHECK(row(rows, 1).runs == 3);
  CHECK(row(rows, 1).counts.cycles == 15);
  CHECK(f.profile.outside().cycles == 3 * 7 + 2);
  CHECK(f.profile.inferences() == 3);
}

TEST_CASE("layer profile: an early exit is recorded with the layer it came after, unknown values warn once") {
  Fixture f;
  f.profile.start();
  f.profile.marker(0);
  f.counters.at(10, 0, 0, 0);
  f.profile.marker(3);
  f.counters.at(30, 0, 0, 0);
  f.profile.marker(sim::kExitMarker | 2);
  f.counters.at(35, 0, 0, 0);  // still layer 3: the exit marker does not end it
  f.profile.marker(0x12345678);
  f.profile.marker(0x2000000);  // a layer index
  f.profile.marker(0xF0000000);
  f.counters.at(50, 0, 0, 0);
  f.profile.finish();
  REQUIRE(f.profile.early_exit());
  CHECK(f.profile.early_exit()->exit == 2);
  CHECK(f.profile.early_exit()->after_layer == 3u);
  CHECK(row(f.profile.rows(), 3).counts.cycles == 35 - 10);
  CHECK(row(f.profile.rows(), 0x2000000).counts.cycles == 50 - 35);
  REQUIRE(f.warnings.size() == 1);
  CHECK(f.warnings[0].find("0x12345678") != std::string::npos);
}

TEST_CASE("layer profile: without markers there are no rows, no stats and no table") {
  Fixture f(sim::parse_model_metadata(kMetadata, "net.elf"));
  // An END alone is not a layer.
  f.run_timed({0, 0, 0, 0}, {{{1000, 900, 10, 10}, sim::kEndMarker}}, {1000, 900, 10, 10});
  CHECK_FALSE(f.profile.has_layers());
  CHECK(f.profile.rows().empty());
  const sim::StatsRegistry stats = f.stats();
  CHECK(stats.stats().empty());
  CHECK(sim::layer_table(stats).empty());
}

TEST_CASE("layer profile: the metadata's layers are rows even when they did not run, unnamed indices follow") {
  Fixture f(sim::parse_model_metadata(kMetadata, "net.elf"));
  f.run_markers({0, 1, 7, sim::kEndMarker});  // 7: not in the metadata
  const auto rows = f.profile.rows();
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].info->op == "CONV_2D");
  CHECK(rows[2].index == 2);
  CHECK(rows[2].runs == 0);
  CHECK(rows[3].index == 7);
  CHECK_FALSE(rows[3].info);
}

TEST_CASE("layer stats: layers.<index>.* and layers.outside.*, with the metadata's static costs") {
  Fixture f(sim::parse_model_metadata(kMetadata, "net.elf"));
  f.run_timed({0, 0, 0, 0},
              {{{100, 50, 0, 0}, 0}, {{600, 450, 2000, 300}, 1}, {{800, 500, 2100, 500}, sim::kEndMarker}},
              {1000, 600, 2200, 520});

  const sim::StatsRegistry stats = f.stats();
  const auto j = stats.to_json();
  const auto& conv = j["layers"]["0"];
  CHECK(conv["op"] == "CONV_2D");
  CHECK(conv["output"] == "conv1");
  CHECK(conv["runs"] == 1);
  CHECK(conv["cycles"] == 500);
  CHECK(conv["cycles_pct"] == Approx(50.0));  // of 1000
  CHECK(conv["instructions"] == 400);
  CHECK(conv["cpi"] == Approx(1.25));
  CHECK(conv["macs"] == 1000);
  CHECK(conv["macs_per_cycle"] == Approx(2.0));
  CHECK(conv["param_bytes"] == 48);
  CHECK(conv["bytes_read"] == 2000);
  CHECK(conv["flash_bytes_read"] == 2000);
  CHECK(conv["bytes_written"] == 300);
  CHECK(conv["memory"]["sram"]["bytes_written"] == 300);
  CHECK(j["layers"]["2"]["runs"] == 0);  // RESHAPE never ran
  CHECK(j["layers"]["2"]["cycles"] == 0);
  CHECK(j["layers"]["outside"]["cycles"] == 100 + 200);
  CHECK(j["layers"]["outside"]["bytes_written"] == 20);
  CHECK(j["model"]["name"] == "tiny");
  CHECK(j["model"]["inferences"] == 1);
  CHECK_FALSE(j["model"].contains("exit"));
  CHECK(j["meta"]["layers.0.cycles"]["unit"] == "cycle");

  const std::string table = sim::layer_table(stats);
  INFO(table);
  CHECK(table.find("3 of tiny (simd), 1 inference") != std::string::npos);
  CHECK(table.find("CONV_2D") != std::string::npos);
  CHECK(table.find("probabilities") != std::string::npos);
  CHECK(table.find("(outside layers)") != std::string::npos);
  CHECK(table.find(" 50.0 ") != std::string::npos);
  CHECK(table.find("runs") != std::string::npos);  // RESHAPE ran 0 times: a runs column says so
}

TEST_CASE("model metadata: the compiler's JSON is read, a malformed one is an error naming the file") {
  const sim::ModelMetadata m = sim::parse_model_metadata(kMetadata, "net.elf");
  CHECK(m.model == "tiny");
  CHECK(m.backend == "simd");
  REQUIRE(m.layers.size() == 3);
  CHECK(m.layers[0].macs == 1000);
  CHECK(m.layers[1].output == "probabilities");
  CHECK(m.layer(2)->op == "RESHAPE");
  CHECK(m.layer(3) == nullptr);

  const auto error = [](const std::string& json) { return metadata_error(json, "net.elf"); };
  CHECK(error("{\"format\": 1, \"model\": ").starts_with("net.elf: .edgesim.model: not valid JSON"));
  CHECK(error("[1, 2]") == "net.elf: .edgesim.model: not a JSON object");
  CHECK(error(R"({"format": 2})") == "net.elf: .edgesim.model: format 2 is not one this edgesim reads (1)");
  CHECK(error(R"({"format": 1, "model": "m", "backend": "simd", "platform": "p"})") ==
        "net.elf: .edgesim.model: missing 'layers'");
  CHECK(error(R"({"format": 1, "model": "m", "backend": "simd", "platform": "p", "layers": [{"index": 0}]})") ==
        "net.elf: .edgesim.model: layers[0]: missing 'op'");
  CHECK(error(R"({"format": 1, "model": "m", "backend": "simd", "platform": "p", "layers": [{"index": "x"}]})") ==
        "net.elf: .edgesim.model: layers[0]: 'index' is string, not the expected type");
}

namespace {
// A network with one early exit after layer 1 (its scores) and the final
// output after layer 3: two exits.
const char* const kExitMetadata = R"({"format": 1, "model": "ee", "backend": "simd", "platform": "stm32f407",
  "layers": [
    {"index": 0, "op": "CONV_2D", "output": "conv1", "macs": 1000, "params": 40, "param_bytes": 48,
     "input_bytes": 100, "output_bytes": 200},
    {"index": 1, "op": "SOFTMAX", "output": "exit1", "macs": 0, "params": 0, "param_bytes": 0,
     "input_bytes": 12, "output_bytes": 12},
    {"index": 2, "op": "CONV_2D", "output": "conv2", "macs": 2000, "params": 40, "param_bytes": 48,
     "input_bytes": 200, "output_bytes": 200},
    {"index": 3, "op": "SOFTMAX", "output": "probabilities", "macs": 0, "params": 0, "param_bytes": 0,
     "input_bytes": 12, "output_bytes": 12}],
  "exits": [{"index": 1, "after_layer": 1, "scores": "exit1", "rule": "max_softmax", "threshold": 0.82}]})";

std::string exit_line(const std::string& table) {
  const auto at = table.find("  exit ");
  return at == std::string::npos ? std::string() : table.substr(at, table.find('\n', at) - at);
}
}  // namespace

TEST_CASE("model metadata: the early exits, optional, each with its index, layer, rule and threshold") {
  const sim::ModelMetadata m = sim::parse_model_metadata(kExitMetadata, "ee.elf");
  REQUIRE(m.exits.size() == 1);
  CHECK(m.exits[0].index == 1);
  CHECK(m.exits[0].after_layer == 1);
  CHECK(m.exits[0].rule == "max_softmax");
  CHECK(m.exits[0].threshold == 0.82);
  CHECK(sim::parse_model_metadata(kMetadata, "net.elf").exits.empty());

  const auto error = [](const std::string& exits) {
    return metadata_error(
        R"({"format": 1, "model": "m", "backend": "simd", "platform": "p", "layers": [], "exits": )" + exits + "}",
        "ee.elf");
  };
  CHECK(error("{}") == "ee.elf: .edgesim.model: 'exits' is not a list");
  CHECK(error(R"([{"index": 1, "after_layer": 4, "threshold": 0.5}])") ==
        "ee.elf: .edgesim.model: exits[0]: missing 'rule'");
  CHECK(error(R"([{"index": 2, "after_layer": 4, "rule": "margin", "threshold": 0.5}])") ==
        "ee.elf: .edgesim.model: exits[0]: index 2, expected 1");
}

TEST_CASE("layer summary: the exit taken, of how many, and the layers it skipped") {
  Fixture f(sim::parse_model_metadata(kExitMetadata, "ee.elf"));
  f.run_markers({0, 1, sim::kExitMarker | 1, sim::kEndMarker});
  const sim::StatsRegistry stats = f.stats();
  CHECK(stats.to_json()["model"]["exits"] == 2);
  CHECK(exit_line(sim::layer_table(stats)) == "  exit 1 of 2 taken after layer 1; layers 2..3 skipped");
}

TEST_CASE("layer summary: no skipped layers when they ran in another inference, no count without metadata") {
  Fixture f(sim::parse_model_metadata(kExitMetadata, "ee.elf"));
  f.run_markers({0, 1, 2, 3, sim::kExitMarker | 2, sim::kEndMarker,  // the final exit
                 0, 1, sim::kExitMarker | 1, sim::kEndMarker});
  CHECK(exit_line(sim::layer_table(f.stats())) == "  exit 1 of 2 taken after layer 1");

  Fixture bare;  // markers only: the layers are not known, so neither is what was skipped
  bare.run_markers({0, sim::kExitMarker | 1, sim::kEndMarker});
  CHECK(exit_line(sim::layer_table(bare.stats())) == "  exit 1 taken after layer 0");
}
