# CMake toolchain file for bare-metal Arm Cortex-M firmware (Debian's
# gcc-arm-none-eabi + libnewlib-arm-none-eabi).
#
# It selects the compilers only: CPU flags (-mcpu, -mfloat-abi) differ per
# board and are set per target by workloads/cmake/EdgesimFirmware.cmake, so
# one build tree can hold firmware for Cortex-M0+ and Cortex-M4 boards.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)

set(EDGESIM_TOOLCHAIN_PREFIX arm-none-eabi- CACHE STRING "Prefix of the cross tools")

find_program(CMAKE_C_COMPILER ${EDGESIM_TOOLCHAIN_PREFIX}gcc REQUIRED)
find_program(CMAKE_ASM_COMPILER ${EDGESIM_TOOLCHAIN_PREFIX}gcc REQUIRED)
find_program(CMAKE_OBJCOPY ${EDGESIM_TOOLCHAIN_PREFIX}objcopy)
find_program(CMAKE_OBJDUMP ${EDGESIM_TOOLCHAIN_PREFIX}objdump)
find_program(CMAKE_SIZE ${EDGESIM_TOOLCHAIN_PREFIX}size)

# A bare-metal executable cannot link without a linker script and startup
# code, so CMake's compiler checks build a static library instead.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

# Never pick up host headers or libraries.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
