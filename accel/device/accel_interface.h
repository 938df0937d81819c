/* The accelerator's programming interface: register offsets, bits, command
 * opcodes and layouts, error codes. One source for both sides: the device
 * model (C++) and the firmware driver (C) include this file. Plain C
 * enumerations, no code. accel/README.md explains each field. */
#ifndef EDGESIM_ACCEL_INTERFACE_H
#define EDGESIM_ACCEL_INTERFACE_H

/* Registers: 32-bit, word-aligned offsets from the device's base. */
enum accel_register {
  ACCEL_ID = 0x000,           /* RO: ACCEL_ID_VALUE */
  ACCEL_CONFIG = 0x004,       /* RO: rows [7:0], cols [15:8], interface version [31:16] */
  ACCEL_CTRL = 0x008,         /* W: ACCEL_CTRL_START, ACCEL_CTRL_RESET */
  ACCEL_STATUS = 0x00C,       /* RO: busy, done, error, error code [15:8] */
  ACCEL_IRQ_STATUS = 0x010,   /* RW1C: ACCEL_IRQ_* */
  ACCEL_IRQ_ENABLE = 0x014,   /* RW: ACCEL_IRQ_* that drive the interrupt line */
  ACCEL_CMD_BASE = 0x018,     /* RW: address of the command stream (word-aligned) */
  ACCEL_CMD_LENGTH = 0x01C,   /* RW: its length in bytes (a multiple of 4) */
  ACCEL_CMD_OFFSET = 0x020,   /* RO: byte offset of the command running, or of the one that failed */
  ACCEL_ERROR_ADDRESS = 0x024, /* RO: the system address a failed DMA transfer touched */
  ACCEL_INPUT_BUFFER_BYTES = 0x030,  /* RO: local buffer sizes */
  ACCEL_WEIGHT_BUFFER_BYTES = 0x034,
  ACCEL_OUTPUT_BUFFER_BYTES = 0x038,
  ACCEL_BASE0 = 0x040,        /* RW: ACCEL_BASE0 + 4*i, i < ACCEL_BASE_COUNT: region base addresses */
  ACCEL_PMU_CTRL = 0x080,     /* W: ACCEL_PMU_RESET clears the counters */
  ACCEL_PMU_CYCLES_LO = 0x084, /* RO, 64-bit counters as LO/HI word pairs (read LO first: it latches HI) */
  ACCEL_PMU_CYCLES_HI = 0x088,
  ACCEL_PMU_MAC_ACTIVE_LO = 0x08C,
  ACCEL_PMU_MAC_ACTIVE_HI = 0x090,
  ACCEL_PMU_STALL_LO = 0x094,
  ACCEL_PMU_STALL_HI = 0x098,
  ACCEL_PMU_DMA_READ_LO = 0x09C,
  ACCEL_PMU_DMA_READ_HI = 0x0A0,
  ACCEL_PMU_DMA_WRITE_LO = 0x0A4,
  ACCEL_PMU_DMA_WRITE_HI = 0x0A8,
  ACCEL_PMU_MACS_LO = 0x0AC,
  ACCEL_PMU_MACS_HI = 0x0B0,
  ACCEL_REGISTER_SPACE = 0x1000
};

enum accel_constants {
  ACCEL_ID_VALUE = 0x45534131, /* "ESA1" */
  ACCEL_INTERFACE_VERSION = 1,
  ACCEL_BASE_COUNT = 8,
  ACCEL_CTRL_START = 1u << 0,  /* run the command stream at CMD_BASE (ignored while busy) */
  ACCEL_CTRL_RESET = 1u << 1,  /* stop after the command running, clear STATUS and IRQ_STATUS (not the PMU) */
  ACCEL_STATUS_BUSY = 1u << 0,
  ACCEL_STATUS_DONE = 1u << 1, /* the last stream reached STOP */
  ACCEL_STATUS_ERROR = 1u << 2, /* the last stream failed: code in [15:8] */
  ACCEL_STATUS_ERROR_SHIFT = 8,
  ACCEL_IRQ_DONE = 1u << 0,
  ACCEL_IRQ_ERROR = 1u << 1,
  ACCEL_IRQ_COMMAND = 1u << 2, /* an IRQ command ran */
  ACCEL_PMU_RESET = 1u << 0
};

enum accel_error {
  ACCEL_ERROR_NONE = 0,
  ACCEL_ERROR_OPCODE = 1,      /* unknown opcode */
  ACCEL_ERROR_LENGTH = 2,      /* a command's word count is wrong, or it runs past CMD_LENGTH */
  ACCEL_ERROR_PARAMETER = 3,   /* a shape or quantization parameter out of range */
  ACCEL_ERROR_BUFFER = 4,      /* the operands do not fit the local buffers */
  ACCEL_ERROR_ALIGNMENT = 5,   /* CMD_BASE/CMD_LENGTH or an int32 operand not word-aligned */
  ACCEL_ERROR_BUS = 6,         /* a DMA transfer failed (unmapped or read-only address) */
  ACCEL_ERROR_NO_STOP = 7,     /* the stream ended without STOP */
  ACCEL_ERROR_INTERNAL = 8     /* the model failed (a simulator bug: the log says more) */
};

/* Commands: word 0 is the header, opcode [7:0] and word count (header
 * included) [15:8]. Word 1 of every command that has addresses holds the
 * base register (0..7) of each address operand, 4 bits each, operand 0 in
 * [3:0]: an address word is an offset from BASEn. */
enum accel_opcode {
  ACCEL_OP_NOP = 0x00,
  ACCEL_OP_STOP = 0x01,       /* end of stream: DONE */
  ACCEL_OP_IRQ = 0x02,        /* raise ACCEL_IRQ_COMMAND once earlier commands are complete */
  ACCEL_OP_WAIT = 0x03,       /* wait for earlier DMA_LOAD/DMA_STORE to complete */
  ACCEL_OP_DMA_LOAD = 0x10,   /* system memory -> local buffer */
  ACCEL_OP_DMA_STORE = 0x11,  /* local buffer -> system memory */
  ACCEL_OP_CONV2D = 0x20,
  ACCEL_OP_DEPTHWISE_CONV2D = 0x21,
  ACCEL_OP_FULLY_CONNECTED = 0x22,
  ACCEL_OP_ADD = 0x23
};

enum accel_command_words {
  ACCEL_WORDS_NOP = 1,
  ACCEL_WORDS_STOP = 1,
  ACCEL_WORDS_IRQ = 1,
  ACCEL_WORDS_WAIT = 1,
  /* DMA_LOAD/DMA_STORE: header, regions (operand 0: system address),
   * system address, buffer (ACCEL_BUFFER_*), buffer offset, bytes. */
  ACCEL_WORDS_DMA = 6,
  /* CONV2D and DEPTHWISE_CONV2D: header; regions (operands: input, weights,
   * bias, multipliers, shifts, output); input, weights, bias (or
   * ACCEL_NO_BIAS), multipliers (int32 per output channel), shifts (int32
   * per output channel), output addresses; in_h | in_w << 16;
   * in_c | out_c << 16 (depthwise: in_c | depth_multiplier << 16);
   * out_h | out_w << 16; kernel_h | kernel_w << 8 | stride_h << 16 |
   * stride_w << 24; dilation_h | dilation_w << 8 | pad_top << 16 |
   * pad_left << 24; input offset; output offset; act_min | act_max << 16
   * (int16 each); batch. */
  ACCEL_WORDS_CONV = 17,
  /* FULLY_CONNECTED: header; regions (input, weights, bias, multipliers,
   * shifts, output); the six addresses; in_features; out_features; batch;
   * input offset; output offset; act_min | act_max << 16. */
  ACCEL_WORDS_FULLY_CONNECTED = 14,
  /* ADD: header; regions (input1, input2, output); the three addresses;
   * count; input1 offset; input2 offset; left shift; input1 multiplier;
   * input1 shift; input2 multiplier; input2 shift; output multiplier;
   * output shift; output offset; act_min | act_max << 16. */
  ACCEL_WORDS_ADD = 17
};

enum accel_buffer { ACCEL_BUFFER_INPUT = 0, ACCEL_BUFFER_WEIGHT = 1, ACCEL_BUFFER_OUTPUT = 2 };

enum accel_misc { ACCEL_NO_BIAS = -1 /* 0xFFFFFFFF in a bias address word */ };

#endif
