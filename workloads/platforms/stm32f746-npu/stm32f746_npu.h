/* Where the stm32f746-npu board puts the accelerator
 * (platforms/stm32f746-npu.yaml): its register block and its NVIC line. */
#ifndef EDGESIM_STM32F746_NPU_H
#define EDGESIM_STM32F746_NPU_H

#define STM32F746_NPU_ACCEL_BASE 0x40080000u /* 4 KiB: ACCEL_* offsets of accel_interface.h */
#define STM32F746_NPU_ACCEL_IRQ 98u          /* exception number 114 */

#endif
