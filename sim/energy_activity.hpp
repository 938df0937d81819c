// The counts the energy formulas use, gathered from a platform's counters
// in one place (energy/activity.hpp says what each is).
#pragma once
#include "energy/activity.hpp"
#include "sim/platform.hpp"

namespace sim {

energy::Activity gather_activity(const Platform& platform);

}  // namespace sim
