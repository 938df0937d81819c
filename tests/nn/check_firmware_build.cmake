# cmake -DCC=arm-none-eabi-gcc -DSOURCES=a.c;b.c -DOPTIONS=... -DOUTPUT_DIR=dir -P this
# Compiles every kernel source as the firmware does, for each core the
# boards have (the M4F hard-float as stm32f407 and mps2-an386, the M7
# hard-float, the M0+ soft-float), at -O2 and -Os, with -Wall -Wextra
# -Werror; fails naming each source, core and level that does not compile
# cleanly.
cmake_minimum_required(VERSION 3.25) # list(REMOVE_ITEM) of "" needs CMP0007

# One entry per core: its name, then its flags, separated by '|'.
set(cores
    "cortex-m4 hard|-mcpu=cortex-m4|-mthumb|-mfloat-abi=hard|-mfpu=fpv4-sp-d16"
    "cortex-m7 hard|-mcpu=cortex-m7|-mthumb|-mfloat-abi=hard|-mfpu=fpv5-sp-d16"
    "cortex-m0plus soft|-mcpu=cortex-m0plus|-mthumb|-mfloat-abi=soft")
list(REMOVE_ITEM SOURCES "")
file(MAKE_DIRECTORY ${OUTPUT_DIR})
set(failures "")
set(count 0)
foreach(core IN LISTS cores)
  string(REPLACE "|" ";" core_parts "${core}")
  list(GET core_parts 0 core_name)
  list(SUBLIST core_parts 1 -1 core_flags)
  foreach(level -O2 -Os)
    foreach(source IN LISTS SOURCES)
      get_filename_component(name ${source} NAME_WE)
      execute_process(
          COMMAND ${CC} -std=gnu11 ${core_flags} ${level} -Wall -Wextra -Werror ${OPTIONS}
                  -ffunction-sections -fdata-sections -c ${source} -o ${OUTPUT_DIR}/${name}.o
          RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
      math(EXPR count "${count} + 1")
      if(NOT result EQUAL 0 OR NOT output STREQUAL "")
        string(APPEND failures "${name}.c (${core_name}, ${level}):\n${output}\n")
      endif()
    endforeach()
  endforeach()
endforeach()
if(failures)
  message(FATAL_ERROR "kernel sources that do not compile cleanly:\n${failures}")
endif()
message(STATUS "${count} compilations clean")
