#include "sim/compile_command.hpp"
#include "compiler/units.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "compiler/codegen/backend.hpp"
#include "sim/model_compiler.hpp"
#include "sim/platform_catalog.hpp"
#include "sim/scratch_dir.hpp"

namespace sim {

namespace fs = std::filesystem;

namespace {

constexpr int kExitError = 2;


}  // namespace

int compile_command(const CompileCommand& cmd, std::ostream& out, std::ostream& err) {
  const auto backend = compiler::codegen::parse_backend(cmd.backend);
  if (!backend) {
    err << fmt::format("edgesim: error: compile: unknown backend '{}' (portable, simd, accel)\n", cmd.backend);
    return kExitError;
  }
  try {
    const PlatformConfig platform = load_platform(cmd.platform, cmd.overrides);
    ModelCompileRequest request;
    request.model = cmd.model;
    request.backend = *backend;
    request.output_elf = cmd.output.empty()
                             ? fs::path(fs::path(cmd.model).stem().string() + "." + cmd.backend + ".elf")
                             : fs::path(cmd.output);
    // The generated sources go to a temporary directory unless the user keeps them.
    const ScratchDir work = cmd.sources_dir ? ScratchDir::kept(*cmd.sources_dir) : ScratchDir("edgesim-compile");
    request.work_dir = work.path();
    request.input_seed = cmd.input_seed;

    const CompiledModel m = compile_model(platform, request, [&](const CompiledModel& planned) {
      if (!cmd.quiet) out << static_report(planned) << std::flush;
    });
    if (!cmd.quiet) {
      out << fmt::format("{} on {} ({} backend):\n", m.graph.name, platform.name, cmd.backend);
      out << fmt::format("  flash  {} of {} ('{}'): code, constants, .data image\n", compiler::kib(m.sizes.text_bytes),
                         compiler::kib(m.target.text.bytes), m.target.text.name);
      out << fmt::format("  SRAM   {} of {} ('{}'): data, arena, inputs/outputs; plus a {} stack\n",
                         compiler::kib(m.sizes.data_bytes), compiler::kib(m.target.data.bytes), m.target.data.name,
                         compiler::kib(m.target.stack_bytes));
      out << fmt::format("wrote {}\n", request.output_elf.string());
    }
  } catch (const std::exception& e) {
    err << "edgesim: error: " << e.what() << '\n';
    return kExitError;
  }
  return 0;
}

}  // namespace sim
