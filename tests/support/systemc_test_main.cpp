// Catch2 entry point for SystemC test executables. main() is ours so the
// SystemC banner and info reports stay out of the test output; sc_main only
// satisfies libsystemc's reference to it.
#define CATCH_CONFIG_RUNNER
#include <cstdlib>

#include <catch2/catch.hpp>
#include <systemc>

int sc_main(int, char**) { return 1; }

int main(int argc, char* argv[]) {
  setenv("SYSTEMC_DISABLE_COPYRIGHT_MESSAGE", "1", 1);
  sc_core::sc_report_handler::set_actions(sc_core::SC_INFO, sc_core::SC_DO_NOTHING);
  return Catch::Session().run(argc, argv);
}
