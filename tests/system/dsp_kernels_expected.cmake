# Result lines of workloads/examples/dsp_kernels.c (grep -E), as printed by
# its independent Python model, tests/system/dsp_kernels_model.py. Included
# by tests/system (the model and the QEMU runs) and tests/cli (the edgesim
# runs), so all three are held to the same values.
set(dsp_kernels_expected_lines
    "^dot_int8: 1027 elements, simd 50542 ref 50542 ok$"
    "^fir_q15: 256 samples, 6 saturated, checksum 0x4f746e65, ok$"
    "^fir_q15_fast: 256 samples, 6 saturated, checksum 0x4f746e65, ok$"
    "^fir_q15_wma: 256 samples, 187 saturated, checksum 0x6e332555, ok$"
    "^max_u8: 256 bytes, checksum 0xec4dd24d, ok$")
# Printed by the firmware only (the model has no QADD cases or verdict).
set(dsp_kernels_firmware_lines
    ${dsp_kernels_expected_lines}
    "^qadd: 6 cases, ok$"
    "^dsp_kernels: all checks passed$")
