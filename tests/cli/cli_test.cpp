// edgesim's command line in-process: usage and configuration errors (exit
// status 2, one "edgesim: error:" line), help and version. Nothing here gets
// as far as a simulation; runs of firmware are the shell tests beside this.
#include "sim/cli.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

namespace {
struct Outcome {
  int status;
  std::string out, err;
};

Outcome cli(std::vector<std::string> args) {
  args.insert(args.begin(), "edgesim");
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  std::istringstream in;
  const int status = sim::cli_main(static_cast<int>(argv.size()), argv.data(), out, err, &in);
  return {status, out.str(), err.str()};
}

// One line, "edgesim: error: ...".
void require_one_error_line(const Outcome& o) {
  INFO(o.err);
  REQUIRE(o.err.starts_with("edgesim: error: "));
  REQUIRE(std::count(o.err.begin(), o.err.end(), '\n') == 1);
}

std::string temp_file(const std::string& name, const std::string& bytes) {
  const auto path = std::filesystem::temp_directory_path() / ("edgesim_cli_test_" + name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

const std::string kData = EDGESIM_CLI_TEST_DATA;
}  // namespace

TEST_CASE("cli: --version and --help succeed on stdout") {
  const auto v = cli({"--version"});
  REQUIRE(v.status == 0);
  REQUIRE_THAT(v.out, Catch::StartsWith("edgesim 0."));
  const auto h = cli({"--help"});
  REQUIRE(h.status == 0);
  REQUIRE_THAT(h.out, Catch::Contains("edgesim run FIRMWARE.elf") && Catch::Contains("124") && Catch::Contains("125"));
  const auto rh = cli({"run", "--help"});
  REQUIRE(rh.status == 0);
  REQUIRE_THAT(rh.out, Catch::Contains("--platform") && Catch::Contains("--set") && Catch::Contains("--stats") &&
                           Catch::Contains("--max-instructions") && Catch::Contains("--quiet") &&
                           Catch::Contains("--semihosting-root") && Catch::Contains("--semihosting-cmdline"));
}

TEST_CASE("cli: usage errors exit with 2") {
  REQUIRE(cli({}).status == 2);
  const auto unknown = cli({"simulate"});
  REQUIRE(unknown.status == 2);
  require_one_error_line(unknown);
  REQUIRE_THAT(unknown.err, Catch::Contains("unknown command 'simulate'"));

  for (const auto& args : std::vector<std::vector<std::string>>{
           {"run"},
           {"run", "a.elf", "b.elf"},
           {"run", "a.elf", "--frobnicate"},
           {"run", "a.elf", "--max-instructions", "lots"},
           {"run", "a.elf", "--max-instructions", "0"},
           {"run", "a.elf", "--platform"},
           {"platforms", "extra"},
       }) {
    INFO((args.size() > 1 ? args[1] : args[0]));
    const auto o = cli(args);
    REQUIRE(o.status == 2);
    require_one_error_line(o);
  }
}

TEST_CASE("cli: validate's help, usage and model errors exit before any run") {
  const auto help = cli({"validate", "--help"});
  REQUIRE(help.status == 0);
  REQUIRE_THAT(help.out, Catch::Contains("--platform") && Catch::Contains("--backend") && Catch::Contains("--inputs") &&
                             Catch::Contains("--seed") && Catch::Contains("--tolerance") && Catch::Contains("--jobs") &&
                             Catch::Contains("--keep") && Catch::Contains("--sources") && Catch::Contains("--set"));

  for (const auto& args : std::vector<std::vector<std::string>>{
           {"validate"},
           {"validate", "a.tflite", "b.tflite"},
           {"validate", "a.tflite", "--inputs", "0"},
           {"validate", "a.tflite", "--jobs", "0"},
           {"validate", "a.tflite", "--tolerance", "-1"},
           {"validate", "a.tflite", "--max-instructions", "0"},
           {"validate", "a.tflite", "--backend", "neon"},
       }) {
    INFO(args.back());
    const auto o = cli(args);
    REQUIRE(o.status == 2);
    require_one_error_line(o);
  }
  // Compile errors are exit 2 as well, naming the file.
  const auto missing = cli({"validate", "/no/such/model.tflite", "--platform", "stm32f407"});
  REQUIRE(missing.status == 2);
  require_one_error_line(missing);
  REQUIRE_THAT(missing.err, Catch::Contains("/no/such/model.tflite"));
}

TEST_CASE("cli: platforms lists the built-in boards") {
  const auto o = cli({"platforms"});
  REQUIRE(o.status == 0);
  REQUIRE_THAT(o.out, Catch::Contains("mps2-an386") && Catch::Contains("stm32f407") && Catch::Contains("m0plus-minimal"));
}

TEST_CASE("cli: a missing, foreign or malformed ELF is a configuration error") {
  const auto missing = cli({"run", "/no/such/firmware.elf", "-q"});
  REQUIRE(missing.status == 2);
  require_one_error_line(missing);
  REQUIRE_THAT(missing.err, Catch::Contains("/no/such/firmware.elf"));

  const auto text = cli({"run", temp_file("text.elf", "this is not an ELF file\n")});
  REQUIRE(text.status == 2);
  require_one_error_line(text);

  // A valid ELF identification followed by nothing: truncated header.
  const auto truncated = cli({"run", temp_file("truncated.elf", std::string("\x7f" "ELF\x01\x01\x01", 7))});
  REQUIRE(truncated.status == 2);
  require_one_error_line(truncated);
  REQUIRE_THAT(truncated.err, Catch::Contains("truncated.elf"));
}

TEST_CASE("cli: platform errors name the file, line and key, or the --set") {
  const auto typo = cli({"run", "fw.elf", "--platform", kData + "/typo.yaml"});
  REQUIRE(typo.status == 2);
  require_one_error_line(typo);
  REQUIRE_THAT(typo.err, Catch::Contains("typo.yaml:4:") && Catch::Contains("memories.flash.wait_state") &&
                             Catch::Contains("did you mean 'wait_states'"));

  const auto unknown = cli({"run", "fw.elf", "--platform", "mps9"});
  REQUIRE(unknown.status == 2);
  require_one_error_line(unknown);
  REQUIRE_THAT(unknown.err, Catch::Contains("unknown platform 'mps9'"));

  const auto set_typo = cli({"run", "fw.elf", "--set", "memories.ssram1.wait_statez=2"});
  REQUIRE(set_typo.status == 2);
  require_one_error_line(set_typo);
  REQUIRE_THAT(set_typo.err, Catch::Contains("--set memories.ssram1.wait_statez=2") && Catch::Contains("wait_states"));

  const auto set_value = cli({"run", "fw.elf", "--set", "core.clock_hz=fast"});
  REQUIRE(set_value.status == 2);
  require_one_error_line(set_value);
  REQUIRE_THAT(set_value.err, Catch::Contains("core.clock_hz") && Catch::Contains("'fast'"));

  const auto set_form = cli({"run", "fw.elf", "--set", "core.clock_hz"});
  REQUIRE(set_form.status == 2);
  require_one_error_line(set_form);
}

TEST_CASE("cli: compare prints the runs side by side, and a file that is not stats is exit 2 and one line") {
  const std::string a = temp_file("compare_a.json", R"({"core": {"cycles": 400, "cpi": 2.0},
      "meta": {"core.cycles": {"unit": "cycle", "description": "c"}, "core.cpi": {"unit": "cycle/instruction", "description": "x"}}})");
  const std::string b = temp_file("compare_b.json", R"({"core": {"cycles": 100},
      "meta": {"core.cycles": {"unit": "cycle", "description": "c"}}})");
  // 100 / 400 = 0.25; b has no core.cpi.
  const auto md = cli({"compare", a, b, "--names", "big,small", "--format", "markdown", "--metrics", "core.*"});
  REQUIRE(md.status == 0);
  REQUIRE(md.err.empty());
  REQUIRE(md.out ==
          "| stat | unit | big | small | vs big |\n"
          "|---|---|--:|--:|--:|\n"
          "| core.cpi | cycle/instruction | 2.000 | - | - |\n"
          "| core.cycles | cycle | 400 | 100 | 0.25x |\n");
  const auto csv = cli({"compare", a, b, "-f", "csv"});
  REQUIRE(csv.status == 0);
  REQUIRE_THAT(csv.out, Catch::StartsWith("stat,unit,edgesim_cli_test_compare_a,edgesim_cli_test_compare_b,"
                                          "edgesim_cli_test_compare_b/edgesim_cli_test_compare_a\n"));
  REQUIRE_THAT(csv.out, Catch::Contains("\ncore.cycles,cycle,400,100,0.25\n"));

  const std::string not_json = temp_file("compare_not.json", "cycles: 12\n");
  const std::string no_meta = temp_file("compare_no_meta.json", R"({"core": {"cycles": 1}})");
  for (const auto& [args, says] : std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"compare", a, "/nonexistent/run.json"}, "/nonexistent/run.json: cannot open"},
           {{"compare", a, not_json}, not_json + ": not an edgesim stats JSON"},
           {{"compare", no_meta, b}, no_meta + ": not an edgesim stats JSON"},
           {{"compare", a}, "two or more stats files"},
           {{"compare", a, b, "--names", "x"}, "--names gives 1 names for 2 files"},
           {{"compare", a, b, "--format", "html"}, "unknown --format 'html'"},
           {{"compare", a, b, "--metrics", "energy.*"}, "no stat matches 'energy.*'"},
       }) {
    INFO(args.back());
    const auto o = cli(args);
    REQUIRE(o.status == 2);
    require_one_error_line(o);
    REQUIRE_THAT(o.err, Catch::Contains(says));
    REQUIRE(o.out.empty());
  }
}
