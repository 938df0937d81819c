# Helpers that build one program for several boards.
#
#   edgesim_add_board(<board> CPU_FLAGS <flags>... [FPU <fpu>])
#     Registers platforms/<board>/ (vectors.c, <board>.ld). CPU_FLAGS name the
#     core (-mcpu, -mthumb), not the float ABI. Every board gets the
#     soft-float ABI: the INTERFACE target board.<board> (flags, linker
#     script, semihosting libc) and OBJECT targets startup.<board> and
#     vectors.<board>. A board with an FPU (FPU: GCC's -mfpu name) also gets
#     the hard-float ABI, as board.<board>.hard, startup.<board>.hard and
#     vectors.<board>.hard: objects of the two ABIs cannot be linked
#     together, so startup and vectors are compiled once per ABI. GCC picks
#     the newlib multilib from the same flags (arm-none-eabi-gcc
#     -print-multi-directory: thumb/v7e-m/nofp or thumb/v7e-m+fp/hard).
#
#   edgesim_add_firmware(<program> SOURCES <file>... [BOARDS <board>...]
#                        [FLOAT_ABI soft|hard] [COMPILE_OPTIONS <option>...]
#                        [LIBRARIES <library>...] [VECTORS <file>])
#     Builds <program>.<board>.elf for each board (default: every board, or
#     with FLOAT_ABI hard every board with an FPU). FLOAT_ABI defaults to
#     soft; a program built both ways needs two names (e.g. foo_soft and
#     foo_hard from the same source). COMPILE_OPTIONS are added to the
#     program's own sources; LIBRARIES are linked to it (m for libm).
#     VECTORS replaces the board's vector table (the fault examples use it).

set(EDGESIM_PLATFORMS_DIR ${CMAKE_CURRENT_LIST_DIR}/../platforms)
cmake_path(NORMAL_PATH EDGESIM_PLATFORMS_DIR)

# One float ABI of a board: board.<name>, startup.<name>, vectors.<name>,
# where <name> is <board> (soft) or <board>.hard.
function(_edgesim_add_board_abi board name)
  set(flags ${ARGN})
  set(common ${EDGESIM_PLATFORMS_DIR}/common)
  set(dir ${EDGESIM_PLATFORMS_DIR}/${board})

  add_library(board.${name} INTERFACE)
  target_compile_options(board.${name} INTERFACE
      ${flags} -Os -g -ffunction-sections -fdata-sections -Wall -Wextra)
  target_compile_definitions(board.${name} INTERFACE EDGESIM_BOARD="${board}")
  target_include_directories(board.${name} INTERFACE ${common})
  # rdimon: newlib with semihosting syscalls; -nostartfiles: our own
  # Reset_Handler (common/startup.c) instead of rdimon-crt0.
  target_link_options(board.${name} INTERFACE
      ${flags} --specs=rdimon.specs -nostartfiles
      -T ${dir}/${board}.ld -L ${common} -Wl,--gc-sections)
  set_property(TARGET board.${name} PROPERTY
      INTERFACE_LINK_DEPENDS ${dir}/${board}.ld ${common}/sections.ld)

  add_library(startup.${name} OBJECT ${common}/startup.c)
  target_link_libraries(startup.${name} PRIVATE board.${name})
  add_library(vectors.${name} OBJECT ${dir}/vectors.c)
  target_link_libraries(vectors.${name} PRIVATE board.${name})
endfunction()

function(edgesim_add_board board)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "FPU" "CPU_FLAGS")
  _edgesim_add_board_abi(${board} ${board} ${arg_CPU_FLAGS} -mfloat-abi=soft)
  set_property(GLOBAL APPEND PROPERTY EDGESIM_BOARDS ${board})
  if(arg_FPU)
    _edgesim_add_board_abi(${board} ${board}.hard
        ${arg_CPU_FLAGS} -mfloat-abi=hard -mfpu=${arg_FPU})
    set_property(GLOBAL APPEND PROPERTY EDGESIM_HARD_FLOAT_BOARDS ${board})
  endif()
endfunction()

function(edgesim_add_firmware program)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "VECTORS;FLOAT_ABI"
                        "SOURCES;BOARDS;COMPILE_OPTIONS;LIBRARIES")
  if(NOT arg_FLOAT_ABI OR arg_FLOAT_ABI STREQUAL "soft")
    set(abi_suffix "")
    set(all_boards_property EDGESIM_BOARDS)
  elseif(arg_FLOAT_ABI STREQUAL "hard")
    set(abi_suffix .hard)
    set(all_boards_property EDGESIM_HARD_FLOAT_BOARDS)
  else()
    message(FATAL_ERROR "edgesim_add_firmware(${program}): FLOAT_ABI is "
                        "'${arg_FLOAT_ABI}', expected soft or hard")
  endif()
  if(NOT arg_BOARDS)
    get_property(arg_BOARDS GLOBAL PROPERTY ${all_boards_property})
  endif()
  foreach(board IN LISTS arg_BOARDS)
    set(abi ${board}${abi_suffix})
    if(NOT TARGET board.${abi})
      message(FATAL_ERROR "edgesim_add_firmware(${program}): board ${board} "
                          "has no ${arg_FLOAT_ABI}-float build (edgesim_add_board ... FPU)")
    endif()
    set(target ${program}.${board})
    add_executable(${target} ${arg_SOURCES})
    set_target_properties(${target} PROPERTIES SUFFIX .elf)
    target_link_libraries(${target} PRIVATE ${arg_LIBRARIES} board.${abi} startup.${abi})
    if(arg_VECTORS)
      target_sources(${target} PRIVATE ${arg_VECTORS})
    else()
      target_link_libraries(${target} PRIVATE vectors.${abi})
    endif()
    if(arg_COMPILE_OPTIONS)
      target_compile_options(${target} PRIVATE ${arg_COMPILE_OPTIONS})
    endif()
    target_link_options(${target} PRIVATE
        -Wl,-Map=${CMAKE_CURRENT_BINARY_DIR}/${target}.map)
  endforeach()
endfunction()
