// The counts the energy formulas use, gathered from a platform's counters
// in one place (energy/activity.hpp says what each is).
#pragma once
#include "energy/activity.hpp"
#include "sim/platform.hpp"

namespace sim {

energy::Activity gather_activity(const Platform& platform);

// All of them but the operation counts (summing those walks the core's
// decoded-instruction cache), into `into`, reusing its storage: cheap enough
// for a profiler to read at every change of function.
void gather_counts(const Platform& platform, energy::Activity& into);

}  // namespace sim
