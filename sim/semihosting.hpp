// Arm semihosting ("Semihosting for AArch32 and AArch64", M-profile flavour):
// BKPT 0xAB with the operation number in r0 and a parameter (usually a pointer
// to a parameter block) in r1; the result goes back to r0.
//
// Console I/O goes to a sim::Console: ":tt" opened for reading is its input,
// for writing ("w" modes) its out stream, for appending ("a" modes) its err
// stream, and the console always reports itself as a terminal. Host files are
// reachable only when a root directory is configured, and only below it. SYS_CLOCK, SYS_ELAPSED
// and SYS_TICKFREQ report SIMULATED time (core cycles), so benchmarks that
// time themselves with clock() give the same answer on every host.
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "isa/cpu.hpp"
#include "sim/console.hpp"

namespace sim {

// What SYS_HEAPINFO reports. Zeros tell newlib's crt0 to use its linker
// symbols (end of .bss for the heap, __stack for the stack) instead.
struct HeapInfo {
  uint32_t heap_base = 0;
  uint32_t heap_limit = 0;
  uint32_t stack_base = 0;  // initial stack pointer (highest address)
  uint32_t stack_limit = 0;
};

struct SemihostingConfig {
  // Host file access (SYS_OPEN of real paths, SYS_REMOVE, SYS_RENAME,
  // SYS_TMPNAM) is off unless this is set; then guest paths are resolved
  // relative to it and may not leave it. Must name an existing directory.
  std::optional<std::filesystem::path> root;
  std::string command_line;  // SYS_GET_CMDLINE, e.g. "app.elf --fast"
  HeapInfo heap;
  uint64_t clock_hz = 0;  // core clock; 0: SYS_CLOCK and SYS_TICKFREQ fail
  // Told once per distinct message about requests the firmware made that were
  // refused or not understood (host access denied, SYS_SYSTEM, unknown op).
  std::function<void(const std::string&)> warn;
};

// The core as semihosting sees it. CpuHooks::on_breakpoint adapts isa::Cpu to
// it; another core model (or a test) can provide its own.
class SemihostingPort {
 public:
  virtual ~SemihostingPort() = default;
  virtual uint32_t reg(unsigned n) = 0;
  virtual void set_reg(unsigned n, uint32_t value) = 0;
  // Side-effect-free memory access; false if any byte is not accessible.
  virtual bool read(uint32_t addr, void* data, uint32_t len) = 0;
  virtual bool write(uint32_t addr, const void* data, uint32_t len) = 0;
  virtual uint64_t cycles() = 0;  // core cycles since reset
  virtual void request_exit(int code) = 0;
};

class Semihosting final : public isa::CpuHooks {
 public:
  // The BKPT immediate that marks a semihosting call on M-profile.
  static constexpr uint8_t kBkptImmediate = 0xAB;

  // Throws std::invalid_argument if config.root is not an existing directory.
  Semihosting(SemihostingConfig config, Console console);
  ~Semihosting() override;
  Semihosting(const Semihosting&) = delete;
  Semihosting& operator=(const Semihosting&) = delete;

  // BKPT #imm: handles 0xAB and returns true; any other immediate is not
  // semihosting (false: the core raises its debug event / HardFault).
  bool on_breakpoint(isa::Cpu& cpu, uint8_t imm) override;
  bool handle(SemihostingPort& port, uint8_t imm);

  // The code passed to request_exit, once the firmware has exited. Later
  // semihosting calls are ignored (newlib may issue a second exit call).
  std::optional<int> exit_code() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sim
