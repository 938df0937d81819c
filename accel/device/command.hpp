// The command stream, decoded: one typed command per opcode, with addresses
// already resolved against the base registers. Decoding checks what the
// words alone can tell (opcode, word count, ranges of shape and
// quantization fields); what needs memory (per-channel shifts) is checked
// when the command runs. Layouts: accel_interface.h.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include "accel/device/accel_interface.h"
#include "accel/model/layers.hpp"

namespace accel::device {

// A command the device refuses: the code STATUS reports, and for the
// simulator's log, what was wrong.
class CommandError : public std::runtime_error {
 public:
  CommandError(accel_error code, const std::string& what, uint32_t address = 0)
      : std::runtime_error(what), code_(code), address_(address) {}
  accel_error code() const { return code_; }
  uint32_t address() const { return address_; }  // a failed DMA transfer's system address

 private:
  accel_error code_;
  uint32_t address_;
};

// Runs the model's parameter rules (accel/model/checks.hpp) as the device
// reports them: a broken rule is a PARAMETER error.
template <class Check>
void check_parameters(Check check) {
  try {
    check();
  } catch (const std::invalid_argument& e) {
    throw CommandError(ACCEL_ERROR_PARAMETER, e.what());
  }
}

// Per-channel operands of the MAC operations, in system memory.
struct MacAddresses {
  uint32_t input = 0, weights = 0;
  std::optional<uint32_t> bias;  // none: no bias
  uint32_t multipliers = 0, shifts = 0, output = 0;
};

struct Conv2dCommand {
  model::Conv2dShape shape;
  model::OutputQuant quant;
  MacAddresses at;
};
struct DepthwiseCommand {
  model::DepthwiseShape shape;
  model::OutputQuant quant;
  MacAddresses at;
};
struct FullyConnectedCommand {
  model::FullyConnectedShape shape;
  model::OutputQuant quant;
  MacAddresses at;
};
struct AddCommand {
  uint32_t input1 = 0, input2 = 0, output = 0;
  uint32_t count = 0;
  model::AddParams params;
};
struct DmaCommand {
  bool load = true;  // true: system memory -> buffer
  uint32_t address = 0;
  accel_buffer buffer = ACCEL_BUFFER_INPUT;
  uint32_t offset = 0, bytes = 0;
};
struct NopCommand {};
struct StopCommand {};
struct IrqCommand {};
struct WaitCommand {};

using Command = std::variant<NopCommand, StopCommand, IrqCommand, WaitCommand, DmaCommand, Conv2dCommand,
                             DepthwiseCommand, FullyConnectedCommand, AddCommand>;

struct Decoded {
  Command command;
  uint32_t words = 1;  // the command's length, header included
};

using BaseRegisters = std::array<uint32_t, ACCEL_BASE_COUNT>;

// Decodes the command at the start of `words` (the rest of the stream).
// Throws CommandError (OPCODE, LENGTH, PARAMETER, ALIGNMENT).
Decoded decode(std::span<const uint32_t> words, const BaseRegisters& bases);

// The words of a command, for drivers written in C++ (tests) and for
// round-trip tests of decode(): addresses are used as given (BASE0 = 0).
std::vector<uint32_t> encode(const Command& command);

}  // namespace accel::device
