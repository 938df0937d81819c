// The Cortex-M timing models (one file each; see their sources there).
#pragma once
#include "isa/timing/branch_history.hpp"
#include "isa/timing/model.hpp"

namespace isa::timing {

class CortexM0Plus final : public Model {
 public:
  explicit CortexM0Plus(const Options& options);
  std::string_view source() const override;
  InstrTiming annotate(const Encoding& row, const Decoded& d) const override;

 private:
  unsigned multiply_cycles_;
};

class CortexM3M4 final : public Model {
 public:
  explicit CortexM3M4(bool m3);
  std::string_view source() const override;
  InstrTiming annotate(const Encoding& row, const Decoded& d) const override;
  unsigned divide_cycles(uint32_t dividend, uint32_t divisor, bool is_signed) const override;

 private:
  bool m3_;
};

// An approximation: see cortex_m7.cpp for its rules, sources and error.
class CortexM7 final : public Model {
 public:
  CortexM7();
  std::string_view source() const override;
  InstrTiming annotate(const Encoding& row, const Decoded& d) const override;
  unsigned divide_cycles(uint32_t dividend, uint32_t divisor, bool is_signed) const override;
  unsigned branch_penalty(uint32_t pc, uint32_t next_pc, bool taken) override;

 private:
  CortexM3M4 m4_;  // the divider: no public Cortex-M7 figure
  BranchHistory history_;
};

// The Cortex-M4's timing where the Cortex-M33 is not known to differ.
class CortexM33 final : public Model {
 public:
  CortexM33();
  std::string_view source() const override;
  InstrTiming annotate(const Encoding& row, const Decoded& d) const override;
  unsigned divide_cycles(uint32_t dividend, uint32_t divisor, bool is_signed) const override;

 private:
  CortexM3M4 m4_;
};

}  // namespace isa::timing
