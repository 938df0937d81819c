// Where the firmware's console goes: stdout, stderr and stdin in the CLI,
// string streams in tests. Semihosting and the UARTs write to the same
// streams, so their output interleaves in program order.
#pragma once
#include <istream>
#include <ostream>

namespace sim {

struct Console {
  std::ostream& out;
  std::ostream& err;
  std::istream* in = nullptr;  // nullptr: no input; reads see end of file
};

}  // namespace sim
