#include "isa/decoder.hpp"

#include <algorithm>

#include "isa/cpu.hpp"
#include "isa/exec/misc.hpp"

namespace isa {
namespace {

bool decode_nothing(uint32_t, Decoded&) { return true; }

// An undefined instruction does no arithmetic: Work{} is Other.
constexpr Encoding kUndefined{"UNDEFINED", {}, decode_nothing, undefined_instruction, 0, OpClass::Undefined, Work{}};

std::vector<Encoding> collect_rows() {
  std::vector<Encoding> all;
  for (auto group : {data_processing_encodings(), multiply_divide_encodings(), load_store_encodings(),
                     branch_encodings(), misc_encodings(), dsp_encodings(), fp_encodings()})
    all.insert(all.end(), group.begin(), group.end());
  all.push_back(kUndefined);
  return all;
}

// Most specific first: a row whose fixed bits are a superset of another's
// (the manual's "SEE ..." special cases) wins. tests/isa/test_decoder.cpp
// checks that any other overlap is owned by a row more specific than both.
std::vector<uint16_t> by_specificity(const std::vector<Encoding>& rows, unsigned width) {
  std::vector<uint16_t> order;
  for (size_t i = 0; i + 1 < rows.size(); ++i)
    if (rows[i].pattern.width == width) order.push_back(static_cast<uint16_t>(i));
  std::stable_sort(order.begin(), order.end(), [&](uint16_t a, uint16_t b) {
    return rows[a].pattern.fixed_bits() > rows[b].pattern.fixed_bits();
  });
  return order;
}

}  // namespace

const std::vector<Encoding>& Decoder::rows() {
  static const std::vector<Encoding> all = collect_rows();
  return all;
}

uint16_t Decoder::undefined_row() { return static_cast<uint16_t>(rows().size() - 1); }

Decoder::Decoder(const CoreProfile& profile) : features_(profile.features), narrow_(65536, undefined_row()) {
  const auto& all = rows();
  const auto narrow_order = by_specificity(all, 16);
  for (uint32_t hw = 0; hw < 65536; ++hw) {
    if (is_wide(static_cast<uint16_t>(hw))) continue;
    for (uint16_t i : narrow_order)
      if (all[i].pattern.matches(hw)) {
        narrow_[hw] = i;
        break;
      }
  }
  wide_order_ = by_specificity(all, 32);
}

Decoded Decoder::decode(uint32_t raw, bool wide) const {
  const auto& all = rows();
  uint16_t index = undefined_row();
  if (!wide) {
    index = narrow_[raw & 0xFFFF];
  } else {
    for (uint16_t i : wide_order_)
      if (all[i].pattern.matches(raw)) {
        index = i;
        break;
      }
  }
  Decoded d;
  d.size = wide ? 4 : 2;
  const Encoding& e = all[index];
  // Without an FPU the CP10/CP11 space is an absent coprocessor: UsageFault
  // NOCP, as for any other coprocessor (B3.2.20), not UNDEFINSTR.
  if ((e.features & kFpSp) && !(features_ & kFpSp)) {
    d.exec = exec::no_coprocessor;
    d.row = index;
    return d;
  }
  if ((e.features & features_) != e.features || !e.decode(raw, d)) {
    d = Decoded{};
    d.size = wide ? 4 : 2;
    d.exec = undefined_instruction;
    d.row = undefined_row();
    return d;
  }
  d.exec = e.exec;
  d.row = index;
  return d;
}

void undefined_instruction(Cpu&, const Decoded&) { throw Fault{FaultKind::UndefInstr}; }

}  // namespace isa
