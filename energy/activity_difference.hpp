// Activity over an interval: counters only grow during a run, so what a
// part of it did (a function, a layer) is the difference of two readings.
#pragma once
#include "energy/activity.hpp"

namespace energy {

// into += later - earlier, count by count. What describes rather than counts
// (region names, kinds, sizes, line bytes, the array's shape) comes from
// `later`; a region, cache or accelerator missing from `earlier` counts from
// zero. simulated_s is not touched (static energy is not a count).
void add_difference(Activity& into, const Activity& later, const Activity& earlier);

}  // namespace energy
