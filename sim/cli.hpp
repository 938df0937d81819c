// edgesim's command line (Boost.Program_options):
//   edgesim run FIRMWARE.elf [--platform NAME|FILE.yaml] [--set K=V]... [--stats FILE.json]
//               [--max-instructions N] [--quiet] [--semihosting-root DIR] [--semihosting-cmdline ARGS]
//   edgesim compile MODEL [--platform P] [--backend B] [-o OUT.elf] ...
//   edgesim validate MODEL [--platform P] [--backend B] [--inputs N] [--seed S] [-j J] ...
//   edgesim platforms
//   edgesim --help | --version
#pragma once
#include <istream>
#include <ostream>

namespace sim {

// Returns the process exit status; usage errors are 2.
int cli_main(int argc, const char* const argv[], std::ostream& out, std::ostream& err, std::istream* in);

}  // namespace sim
