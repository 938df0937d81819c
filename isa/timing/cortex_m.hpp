// The Cortex-M timing models (one file each; see their sources there).
#pragma once
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

}  // namespace isa::timing
