/* Internal to the float kernels: the fused activation clamp. */
#ifndef EDGESIM_NN_F32_ACTIVATION_H
#define EDGESIM_NN_F32_ACTIVATION_H

#include "nn_ops_f32.h"

/* TFLite's ActivationFunctionWithMinMax: max(v, min) then min(., max) in
 * std::max/std::min's comparisons, so a NaN v stays NaN. */
static inline float nn_f32_activate(float v, const nn_f32_activation *act)
{
  v = v < act->min ? act->min : v;
  return v > act->max ? act->max : v;
}

#endif
