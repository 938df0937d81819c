// Ctrl-C and SIGTERM stop a run cleanly at the next quantum boundary, so the
// summary and the stats file are still written (exit status 130). A signal
// can only reach the program through process-wide state: this flag is it.
#pragma once
#include <atomic>

namespace sim {

// Installs SIGINT/SIGTERM handlers (once) and returns the flag they set.
const std::atomic<bool>& install_interrupt_handler();

}  // namespace sim
