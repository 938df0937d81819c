// edgesim's entry point. main() is ours rather than SystemC's so the kernel's
// banner is off before it can print, and SystemC's own reports go to stderr
// (its default handler writes to stdout, which belongs to the firmware).
#include <cstdlib>
#include <exception>
#include <iostream>

#include <systemc>

#include "sim/cli.hpp"

namespace {
void report_to_stderr(const sc_core::sc_report& report, const sc_core::sc_actions& actions) {
  if (actions & sc_core::SC_DISPLAY)
    std::cerr << "edgesim: systemc: " << sc_core::sc_report_compose_message(report) << '\n';
  if (actions & (sc_core::SC_THROW | sc_core::SC_ABORT)) sc_core::sc_report_handler::default_handler(report, actions & ~sc_core::SC_DISPLAY);
}
}  // namespace

// libsystemc references sc_main; edgesim enters through main() instead.
int sc_main(int, char*[]) { return 125; }

int main(int argc, char* argv[]) {
  setenv("SYSTEMC_DISABLE_COPYRIGHT_MESSAGE", "1", 1);
  sc_core::sc_report_handler::set_actions(sc_core::SC_INFO, sc_core::SC_DO_NOTHING);
  sc_core::sc_report_handler::set_handler(report_to_stderr);
  try {
    return sim::cli_main(argc, argv, std::cout, std::cerr, &std::cin);
  } catch (const std::exception& e) {
    std::cerr << "edgesim: error: internal: " << e.what() << '\n';
  } catch (...) {
    std::cerr << "edgesim: error: internal: unknown exception\n";
  }
  return 125;
}
