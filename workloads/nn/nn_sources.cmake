# The kernel library's sources, one list per library, with absolute paths:
# included by this folder's CMakeLists.txt (firmware) and by tests/nn
# (the same sources compiled for the host, and the firmware build check).
set(NN_INT8_SOURCES
    nn_quant.c nn_padding.c nn_conv.c nn_depthwise.c nn_fully_connected.c nn_add.c
    nn_pool.c nn_fixedpoint.c nn_softmax.c nn_concat.c nn_quantize.c)
set(NN_F32_SOURCES
    nn_f32_conv.c nn_f32_depthwise.c nn_f32_fully_connected.c nn_f32_pool.c nn_f32_add.c
    nn_f32_concat.c nn_f32_softmax.c)
list(TRANSFORM NN_INT8_SOURCES PREPEND ${CMAKE_CURRENT_LIST_DIR}/)
list(TRANSFORM NN_F32_SOURCES PREPEND ${CMAKE_CURRENT_LIST_DIR}/)
# Compile options the float kernels need in every build: a*b + c rounds
# twice, as on the host reference (GCC would otherwise fuse it into VFMA).
set(NN_F32_COMPILE_OPTIONS -ffp-contract=off)
