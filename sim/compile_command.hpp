// `edgesim compile MODEL --platform P --backend B -o OUT.elf`.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace sim {

struct CompileCommand {
  std::string model;
  std::string platform = "mps2-an386";
  std::vector<std::string> overrides;
  std::string backend = "portable";
  std::string output;                      // the ELF; default: <model stem>.<backend>.elf
  std::optional<std::string> sources_dir;  // keep the generated sources here
  std::uint64_t input_seed = 1;
  bool quiet = false;
};

// The report goes to `out`, errors to `err`; returns the exit status (0, or
// 2 for a model, platform or build the compiler cannot take).
int compile_command(const CompileCommand& cmd, std::ostream& out, std::ostream& err);

}  // namespace sim
