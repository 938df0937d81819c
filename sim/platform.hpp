// The board, assembled from a PlatformConfig in one readable place:
// memories and devices on a router, device interrupts on the NVIC, the core
// on the bus, semihosting as the core's breakpoint hook.
//
//   core.socket -> bus.target
//   bus.initiator[0..M-1] -> memories (config order)
//   bus.initiator[M..]    -> UARTs, bit-band aliases, unimplemented windows (config order)
//   bus.initiator[last]   -> accelerator registers (with an accel: section)
//   bit-band initiators   -> bus.target (they reach their region over the bus)
//   accelerator DMA       -> bus.target (master accel.dma on the bus matrix)
//
// SystemC elaborates once per process, so there is one Platform per process.
#pragma once
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "accel/device/accelerator.hpp"
#include "bus/bus_matrix.hpp"
#include "memory/bitband.hpp"
#include "memory/l1_caches.hpp"
#include "memory/memory.hpp"
#include "memory/router.hpp"
#include "memory/unimplemented.hpp"
#include "sim/console.hpp"
#include "sim/core_module.hpp"
#include "sim/elf_loader.hpp"
#include "sim/irq_lines.hpp"
#include "sim/platform_config.hpp"
#include "sim/run_result.hpp"
#include "sim/semihosting.hpp"
#include "sim/uart_cmsdk.hpp"

namespace sim {

struct RunOptions {
  uint64_t max_instructions = 0;  // 0: no limit
  const std::atomic<bool>* interrupt = nullptr;  // set by Ctrl-C: stop cleanly
  std::optional<std::filesystem::path> semihosting_root;
  std::string semihosting_cmdline;  // SYS_GET_CMDLINE
  std::function<void(const std::string&)> warn;  // simulator warnings (not firmware output)
  std::optional<std::filesystem::path> vcd;  // the accelerator RTL's waveforms (accel.impl: rtl)
};

class Platform {
 public:
  Platform(PlatformConfig config, const RunOptions& options, Console console);
  ~Platform();
  Platform(const Platform&) = delete;
  Platform& operator=(const Platform&) = delete;

  // Writes the image's segments at their load addresses (debug writes, so
  // flash can be programmed) and resets the core. Throws ElfError when a
  // segment is not entirely inside the platform's memories.
  void load(const ElfImage& image);
  // Debugger access to simulated memory (no timing, no side effects): false
  // when a byte is outside every memory.
  bool write_memory(uint32_t addr, const uint8_t* data, size_t len);
  bool read_memory(uint32_t addr, uint8_t* data, size_t len);
  // Simulates until the core stops (exit, lockup, run limit, hang).
  RunResult run();

  const PlatformConfig& config() const { return config_; }
  const CoreModule& core() const { return *core_; }
  CoreModule& core() { return *core_; }
  const std::vector<std::unique_ptr<memory::Memory>>& memories() const { return memories_; }
  // The core's L1 caches; null without (core.l1 absent, or both sizes 0).
  const memory::L1Caches* l1() const { return l1_.get(); }
  const bus::BusMatrix& bus_matrix() const { return *bus_matrix_; }
  // Null without an accel: section.
  const accel::device::Accelerator* accelerator() const { return accel_.get(); }
  accel::device::Accelerator* accelerator() { return accel_.get(); }

 private:
  bool inside_memories(uint32_t addr, size_t len) const;
  void elaborate();
  void add_uart(const UartConfig& u, Console console);
  void connect_bus_matrix();
  void add_accelerator(const AccelConfig& a, const RunOptions& options);
  sc_core::sc_time dma_contention(bus::MasterId dma, uint32_t address, const sc_core::sc_time& begin,
                                  const sc_core::sc_time& hold);

  PlatformConfig config_;
  std::unique_ptr<memory::L1Caches> l1_;  // before core_, which uses it
  std::unique_ptr<Semihosting> semihosting_;
  std::unique_ptr<CoreModule> core_;
  std::unique_ptr<memory::Router> bus_;
  std::unique_ptr<bus::BusMatrix> bus_matrix_;  // before memories_, whose port timers use its ports
  std::vector<bus::SlavePort*> ports_;           // per memory, its bus matrix port (null: not shared)
  std::vector<std::unique_ptr<memory::Memory>> memories_;
  std::vector<std::unique_ptr<CmsdkUart>> uarts_;
  std::vector<std::unique_ptr<memory::BitBand>> bitbands_;
  std::vector<std::unique_ptr<memory::Unimplemented>> unimplemented_;
  std::unique_ptr<accel::device::Accelerator> accel_;
  std::ostream discard_{nullptr};  // UARTs with output: none
  IrqLines irqs_;
  bool elaborated_ = false;
};

}  // namespace sim
