# Helpers that build one program for several boards.
#
#   edgesim_add_board(<board> CPU_FLAGS <flags>...)
#     Registers platforms/<board>/ (vectors.c, <board>.ld). Creates the
#     INTERFACE target board.<board> (flags, linker script, semihosting libc)
#     and OBJECT targets startup.<board> and vectors.<board>.
#
#   edgesim_add_firmware(<program> SOURCES <file>... [BOARDS <board>...]
#                        [VECTORS <file>])
#     Builds <program>.<board>.elf for each board (default: every board).
#     VECTORS replaces the board's vector table (the fault examples use it).

set(EDGESIM_PLATFORMS_DIR ${CMAKE_CURRENT_LIST_DIR}/../platforms)
cmake_path(NORMAL_PATH EDGESIM_PLATFORMS_DIR)

function(edgesim_add_board board)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "CPU_FLAGS")
  set(common ${EDGESIM_PLATFORMS_DIR}/common)
  set(dir ${EDGESIM_PLATFORMS_DIR}/${board})

  add_library(board.${board} INTERFACE)
  target_compile_options(board.${board} INTERFACE
      ${arg_CPU_FLAGS} -Os -g -ffunction-sections -fdata-sections -Wall -Wextra)
  target_compile_definitions(board.${board} INTERFACE EDGESIM_BOARD="${board}")
  target_include_directories(board.${board} INTERFACE ${common})
  # rdimon: newlib with semihosting syscalls; -nostartfiles: our own
  # Reset_Handler (common/startup.c) instead of rdimon-crt0.
  target_link_options(board.${board} INTERFACE
      ${arg_CPU_FLAGS} --specs=rdimon.specs -nostartfiles
      -T ${dir}/${board}.ld -L ${common} -Wl,--gc-sections)
  set_property(TARGET board.${board} PROPERTY
      INTERFACE_LINK_DEPENDS ${dir}/${board}.ld ${common}/sections.ld)

  add_library(startup.${board} OBJECT ${common}/startup.c)
  target_link_libraries(startup.${board} PRIVATE board.${board})
  add_library(vectors.${board} OBJECT ${dir}/vectors.c)
  target_link_libraries(vectors.${board} PRIVATE board.${board})

  set_property(GLOBAL APPEND PROPERTY EDGESIM_BOARDS ${board})
endfunction()

function(edgesim_add_firmware program)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "VECTORS" "SOURCES;BOARDS")
  if(NOT arg_BOARDS)
    get_property(arg_BOARDS GLOBAL PROPERTY EDGESIM_BOARDS)
  endif()
  foreach(board IN LISTS arg_BOARDS)
    set(target ${program}.${board})
    add_executable(${target} ${arg_SOURCES})
    set_target_properties(${target} PROPERTIES SUFFIX .elf)
    target_link_libraries(${target} PRIVATE board.${board} startup.${board})
    if(arg_VECTORS)
      target_sources(${target} PRIVATE ${arg_VECTORS})
    else()
      target_link_libraries(${target} PRIVATE vectors.${board})
    endif()
    target_link_options(${target} PRIVATE
        -Wl,-Map=${CMAKE_CURRENT_BINARY_DIR}/${target}.map)
  endforeach()
endfunction()
