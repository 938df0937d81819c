// Level-sensitive interrupt lines into the NVIC. Several device outputs may
// drive one line, wired-OR (the MPS2 ORs its UARTs' overflow interrupts onto
// one line): the line is high while any of its outputs is.
#pragma once
#include <functional>
#include <map>
#include <vector>

namespace sim {

class IrqLines {
 public:
  using Sink = std::function<void(unsigned line, bool high)>;
  explicit IrqLines(Sink sink) : sink_(std::move(sink)) {}

  // A new device output driving `line`, initially low.
  std::function<void(bool)> output(unsigned line);

  bool high(unsigned line) const;

 private:
  void drive(size_t output, bool high);

  struct Output {
    unsigned line;
    bool high;
  };
  Sink sink_;
  std::vector<Output> outputs_;
  std::map<unsigned, unsigned> high_count_;  // line -> outputs driving it high
};

}  // namespace sim
