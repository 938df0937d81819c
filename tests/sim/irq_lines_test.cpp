#include "sim/irq_lines.hpp"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

TEST_CASE("irq lines: each output drives its line; shared lines are wired-OR") {
  std::vector<std::string> seen;
  sim::IrqLines lines([&](unsigned line, bool high) { seen.push_back(std::to_string(line) + (high ? "+" : "-")); });
  auto uart0_overflow = lines.output(12);
  auto uart1_overflow = lines.output(12);
  auto uart0_tx = lines.output(1);

  uart0_tx(true);
  uart0_overflow(true);
  uart1_overflow(true);   // 12 already high: no change reaches the NVIC
  uart0_overflow(true);   // repeated level: nothing
  uart0_overflow(false);  // uart1 still holds 12 high
  REQUIRE(lines.high(12));
  uart1_overflow(false);
  uart0_tx(false);
  REQUIRE(seen == std::vector<std::string>{"1+", "12+", "12-", "1-"});
  REQUIRE_FALSE(lines.high(12));
}
