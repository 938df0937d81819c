/* Command words (layouts: accel_interface.h). Each command is built in a
 * local array first and appended whole, so a full buffer or a bad field
 * leaves the stream as it was. */
#include "accel_stream.h"

#include <stddef.h>

static uint32_t header(enum accel_opcode op, enum accel_command_words words)
{
  return (uint32_t)op | (uint32_t)words << 8;
}

static uint32_t pack16(uint32_t low, uint32_t high) { return (low & 0xFFFFu) | high << 16; }

static uint32_t pack8(uint32_t b0, uint32_t b1, uint32_t b2, uint32_t b3)
{
  return b0 | b1 << 8 | b2 << 16 | b3 << 24;
}

static uint32_t clamp_range(int16_t act_min, int16_t act_max)
{
  return pack16((uint16_t)act_min, (uint16_t)act_max);
}

/* The regions word: operand i's base register in bits [4i+3:4i]. */
static accel_result regions(const accel_address *const *operands, unsigned count, uint32_t *word)
{
  *word = 0;
  for (unsigned i = 0; i < count; ++i) {
    if (operands[i]->base >= ACCEL_BASE_COUNT)
      return ACCEL_DRV_BAD_FIELD;
    *word |= (uint32_t)operands[i]->base << (4 * i);
  }
  return ACCEL_DRV_OK;
}

static accel_result append(accel_stream *s, const uint32_t *words, uint32_t count)
{
  if (s->capacity - s->length < count)
    return ACCEL_DRV_FULL;
  for (uint32_t i = 0; i < count; ++i)
    s->words[s->length + i] = words[i];
  s->length += count;
  return ACCEL_DRV_OK;
}

void accel_stream_init(accel_stream *s, uint32_t *buffer, uint32_t capacity_words)
{
  s->words = buffer;
  s->capacity = capacity_words;
  s->length = 0;
}

accel_result accel_stream_raw(accel_stream *s, const uint32_t *words, uint32_t count)
{
  return append(s, words, count);
}

static accel_result single_word(accel_stream *s, enum accel_opcode op)
{
  const uint32_t w = header(op, ACCEL_WORDS_NOP); /* NOP, STOP, IRQ, WAIT: one word each */
  return append(s, &w, 1);
}

accel_result accel_stream_nop(accel_stream *s) { return single_word(s, ACCEL_OP_NOP); }
accel_result accel_stream_stop(accel_stream *s) { return single_word(s, ACCEL_OP_STOP); }
accel_result accel_stream_irq(accel_stream *s) { return single_word(s, ACCEL_OP_IRQ); }
accel_result accel_stream_wait(accel_stream *s) { return single_word(s, ACCEL_OP_WAIT); }

static accel_result dma(accel_stream *s, enum accel_opcode op, const accel_dma_params *p)
{
  const accel_address *const operands[] = {&p->system};
  uint32_t w[ACCEL_WORDS_DMA] = {header(op, ACCEL_WORDS_DMA), 0, p->system.offset, p->buffer,
                                 p->buffer_offset, p->bytes};
  const accel_result r = regions(operands, 1, &w[1]);
  return r != ACCEL_DRV_OK ? r : append(s, w, ACCEL_WORDS_DMA);
}

accel_result accel_stream_dma_load(accel_stream *s, const accel_dma_params *p)
{
  return dma(s, ACCEL_OP_DMA_LOAD, p);
}

accel_result accel_stream_dma_store(accel_stream *s, const accel_dma_params *p)
{
  return dma(s, ACCEL_OP_DMA_STORE, p);
}

/* Words 1..7 of the MAC commands: the regions word and six addresses. */
static accel_result mac_operands(const accel_mac_operands *at, uint32_t *w)
{
  const accel_address *const operands[] = {&at->input, &at->weights, &at->bias,
                                     &at->multipliers, &at->shifts, &at->output};
  for (unsigned i = 0; i < 6; ++i)
    w[1 + i] = operands[i]->offset;
  return regions(operands, 6, &w[0]);
}

static void quant_words(const accel_mac_quant *q, uint32_t *w)
{
  w[0] = (uint32_t)q->input_offset;
  w[1] = (uint32_t)q->output_offset;
  w[2] = clamp_range(q->act_min, q->act_max);
}

/* CONV2D and DEPTHWISE_CONV2D share their layout; `channels` is in_c with
 * out_c or with depth_multiplier. */
static accel_result convolution(accel_stream *s, enum accel_opcode op, const accel_mac_operands *at,
                                const accel_window *win, uint32_t channels,
                                const accel_mac_quant *q, uint32_t batch)
{
  uint32_t w[ACCEL_WORDS_CONV];
  w[0] = header(op, ACCEL_WORDS_CONV);
  const accel_result r = mac_operands(at, &w[1]);
  if (r != ACCEL_DRV_OK)
    return r;
  w[8] = pack16(win->in_h, win->in_w);
  w[9] = channels;
  w[10] = pack16(win->out_h, win->out_w);
  w[11] = pack8(win->kernel_h, win->kernel_w, win->stride_h, win->stride_w);
  w[12] = pack8(win->dilation_h, win->dilation_w, win->pad_top, win->pad_left);
  quant_words(q, &w[13]);
  w[16] = batch;
  return append(s, w, ACCEL_WORDS_CONV);
}

accel_result accel_stream_conv2d(accel_stream *s, const accel_conv2d_params *p)
{
  return convolution(s, ACCEL_OP_CONV2D, &p->at, &p->window, pack16(p->in_c, p->out_c), &p->quant,
                     p->batch);
}

accel_result accel_stream_depthwise_conv2d(accel_stream *s, const accel_depthwise_params *p)
{
  return convolution(s, ACCEL_OP_DEPTHWISE_CONV2D, &p->at, &p->window,
                     pack16(p->in_c, p->depth_multiplier), &p->quant, p->batch);
}

accel_result accel_stream_fully_connected(accel_stream *s, const accel_fully_connected_params *p)
{
  uint32_t w[ACCEL_WORDS_FULLY_CONNECTED];
  w[0] = header(ACCEL_OP_FULLY_CONNECTED, ACCEL_WORDS_FULLY_CONNECTED);
  const accel_result r = mac_operands(&p->at, &w[1]);
  if (r != ACCEL_DRV_OK)
    return r;
  w[8] = p->in_features;
  w[9] = p->out_features;
  w[10] = p->batch;
  quant_words(&p->quant, &w[11]);
  return append(s, w, ACCEL_WORDS_FULLY_CONNECTED);
}

accel_result accel_stream_add(accel_stream *s, const accel_add_params *p)
{
  const accel_address *const operands[] = {&p->input1, &p->input2, &p->output};
  uint32_t w[ACCEL_WORDS_ADD] = {
      header(ACCEL_OP_ADD, ACCEL_WORDS_ADD),
      0, /* regions, below */
      p->input1.offset,
      p->input2.offset,
      p->output.offset,
      p->count,
      (uint32_t)p->input1_offset,
      (uint32_t)p->input2_offset,
      (uint32_t)p->left_shift,
      (uint32_t)p->input1_scale.multiplier,
      (uint32_t)p->input1_scale.shift,
      (uint32_t)p->input2_scale.multiplier,
      (uint32_t)p->input2_scale.shift,
      (uint32_t)p->output_scale.multiplier,
      (uint32_t)p->output_scale.shift,
      (uint32_t)p->output_offset,
      clamp_range(p->act_min, p->act_max),
  };
  const accel_result r = regions(operands, 3, &w[1]);
  return r != ACCEL_DRV_OK ? r : append(s, w, ACCEL_WORDS_ADD);
}
