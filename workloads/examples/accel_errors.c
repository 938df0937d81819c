/* accel_errors: the accelerator's error handling, on stm32f746-npu.
 *
 * Each case submits a bad stream and checks that it ends with STATUS.ERROR
 * (not DONE, not BUSY) and the expected error code, that the ERROR
 * interrupt was raised (the driver's handler saw it), and, where it
 * applies, the failed command's offset and the failed DMA's address. Then
 * it resets the device, checks that STATUS and IRQ_STATUS are clear, and
 * runs a good ADD (waiting in WFI), compared with the CPU kernel. One line
 * per case:
 *   <case> wait=<poll|wfi>: error <code> as expected, ERROR irq, works after reset
 * Exit code 0 if every case behaves, 1 otherwise.
 *
 * The bad streams fail within a few accelerator cycles. accel_errors polls
 * STATUS for them, with the interrupt enabled, and then expects the handler
 * to have run; accel_errors_wfi (built with ACCEL_ERRORS_WFI) waits for them
 * in WFI instead, which is what firmware would do.
 */
#include <stdbool.h>
#include <stdio.h>

#include "accel_cache.h"
#include "accel_driver.h"
#include "accel_example.h"
#include "nn_ops.h"

static accel_device *accel;

static uint32_t stream_words[32] __attribute__((section(".dtcm"), aligned(8)));

enum { UNMAPPED_ADDRESS = 0x90000000u, NO_CHECK = 0xFFFFFFFFu };

#ifdef ACCEL_ERRORS_WFI
static const accel_wait_mode error_wait = ACCEL_WAIT_IRQ;
#else
static const accel_wait_mode error_wait = ACCEL_WAIT_POLL;
#endif

typedef struct {
  const char *name;
  enum accel_error code;
  uint32_t command_offset; /* NO_CHECK: not checked */
  uint32_t error_address;  /* NO_CHECK: not checked */
} expectation;

static bool check(bool ok, const char *name, const char *what)
{
  if (!ok)
    printf("%s: %s\n", name, what);
  return ok;
}

/* STATUS, the error code, the interrupt, CMD_OFFSET and ERROR_ADDRESS of a
 * stream that has just failed. */
static bool check_failure(const expectation *e, uint32_t status)
{
  bool ok = true;
  ok &= check((status & ACCEL_STATUS_ERROR) && !(status & (ACCEL_STATUS_DONE | ACCEL_STATUS_BUSY)),
              e->name, "STATUS is not ERROR alone");
  if (accel_error_code(status) != e->code) {
    printf("%s: error code %d, expected %d\n", e->name, (int)accel_error_code(status), (int)e->code);
    ok = false;
  }
  ok &= check(accel_irqs_seen() & ACCEL_IRQ_ERROR, e->name, "no ERROR interrupt");
  ok &= check(!(accel_irqs_seen() & ACCEL_IRQ_DONE), e->name, "a DONE interrupt");
  if (e->command_offset != NO_CHECK && accel_command_offset(accel) != e->command_offset) {
    printf("%s: CMD_OFFSET %lu, expected %lu\n", e->name, (unsigned long)accel_command_offset(accel),
           (unsigned long)e->command_offset);
    ok = false;
  }
  if (e->error_address != NO_CHECK && accel_error_address(accel) != e->error_address) {
    printf("%s: ERROR_ADDRESS 0x%08lx, expected 0x%08lx\n", e->name,
           (unsigned long)accel_error_address(accel), (unsigned long)e->error_address);
    ok = false;
  }
  return ok;
}

/* After RESET: STATUS and IRQ_STATUS clear, and a good stream (an ADD)
 * runs to DONE with the CPU kernel's results. */
static bool works_after_reset(const char *name)
{
  accel_reset(accel);
  bool ok = check(accel_status(accel) == 0, name, "STATUS not clear after reset");
  ok &= check(accel_read(accel, ACCEL_IRQ_STATUS) == 0, name, "IRQ_STATUS not clear after reset");

  enum { COUNT = 100 };
  arena_reset();
  int8_t *in1 = arena_alloc(COUNT), *in2 = arena_alloc(COUNT);
  int8_t *accel_out = arena_alloc(COUNT), *cpu_out = arena_alloc(COUNT);
  rand_int8(in1, COUNT);
  rand_int8(in2, COUNT);
  const nn_add_params q = {.input1_offset = 3, .input2_offset = -5, .left_shift = 20,
                           .input1_multiplier = 1 << 30, .input1_shift = 0,
                           .input2_multiplier = 1 << 30, .input2_shift = 0,
                           .output_multiplier = 1 << 30, .output_shift = -19,
                           .output_offset = 1, .act_min = -128, .act_max = 127};
  accel_stream s;
  accel_stream_init(&s, stream_words, sizeof stream_words / sizeof stream_words[0]);
  const accel_add_params p = add_command(&q, in1, in2, accel_out, COUNT);
  accel_stream_add(&s, &p);
  accel_stream_stop(&s);
  arena_flush();
  const accel_result r = accel_run(accel, &s, ACCEL_WAIT_IRQ);
  accel_cache_invalidate(accel_out, COUNT);
  nn_add(&q, in1, in2, cpu_out, COUNT);
  ok &= check(r == ACCEL_DRV_OK, name, "the good stream failed after reset");
  ok &= check(first_mismatch(accel_out, cpu_out, COUNT) < 0, name,
              "the good stream's results differ from the CPU's after reset");
  return ok;
}

/* Waits for the stream just started to fail, checks, prints. */
static int finish(const expectation *e)
{
  const uint32_t status = accel_wait(accel, error_wait);
  /* Polling can see STATUS change a few cycles before the interrupt is taken. */
  for (int i = 0; i < 1000 && !(accel_irqs_seen() & ACCEL_IRQ_ERROR); ++i) {
  }
  const bool ok = check_failure(e, status) && works_after_reset(e->name);
  if (ok)
    printf("%s wait=%s: error %d as expected, ERROR irq, works after reset\n", e->name,
           error_wait == ACCEL_WAIT_IRQ ? "wfi" : "poll", (int)e->code);
  return ok ? 0 : 1;
}

static int expect_failure(const expectation *e, const accel_stream *s)
{
  accel_start(accel, s);
  return finish(e);
}

static void begin(accel_stream *s)
{
  accel_stream_init(s, stream_words, sizeof stream_words / sizeof stream_words[0]);
}

static int unknown_opcode(void)
{
  const expectation e = {"unknown_opcode", ACCEL_ERROR_OPCODE, 4, NO_CHECK};
  const uint32_t bad = 0x7Fu | 1u << 8; /* opcode 0x7F, one word */
  accel_stream s;
  begin(&s);
  accel_stream_nop(&s);
  accel_stream_raw(&s, &bad, 1);
  accel_stream_stop(&s);
  return expect_failure(&e, &s);
}

static int bad_length(void)
{
  const expectation e = {"bad_length", ACCEL_ERROR_LENGTH, 0, NO_CHECK};
  const uint32_t nop_of_two_words = ACCEL_OP_NOP | 2u << 8;
  accel_stream s;
  begin(&s);
  accel_stream_raw(&s, &nop_of_two_words, 1);
  accel_stream_stop(&s);
  return expect_failure(&e, &s);
}

static int dma_unmapped(void)
{
  /* DMA_LOAD runs on while later commands go on; WAIT collects its fault. */
  const expectation e = {"dma_unmapped", ACCEL_ERROR_BUS, NO_CHECK, UNMAPPED_ADDRESS};
  const accel_dma_params load = {.system = accel_at(UNMAPPED_ADDRESS), .buffer = ACCEL_BUFFER_INPUT,
                                 .buffer_offset = 0, .bytes = 64};
  accel_stream s;
  begin(&s);
  accel_stream_dma_load(&s, &load);
  accel_stream_wait(&s);
  accel_stream_stop(&s);
  return expect_failure(&e, &s);
}

static int misaligned_cmd_base(void)
{
  const expectation e = {"misaligned_cmd_base", ACCEL_ERROR_ALIGNMENT, NO_CHECK, NO_CHECK};
  accel_stream s;
  begin(&s);
  accel_stream_nop(&s);
  accel_stream_stop(&s);
  accel_start_at(accel, (uint32_t)(uintptr_t)stream_words + 2, accel_stream_bytes(&s));
  return finish(&e);
}

static int no_stop(void)
{
  const expectation e = {"no_stop", ACCEL_ERROR_NO_STOP, 8, NO_CHECK};
  accel_stream s;
  begin(&s);
  accel_stream_nop(&s);
  accel_stream_nop(&s);
  return expect_failure(&e, &s);
}

int main(void)
{
  accel = example_accel();
  rand_seed(0x5EED0002u);
  accel_enable_irqs(accel, ACCEL_IRQ_DONE | ACCEL_IRQ_ERROR);

  int failures = 0;
  failures += unknown_opcode();
  failures += bad_length();
  failures += dma_unmapped();
  failures += misaligned_cmd_base();
  failures += no_stop();

  printf("accel_errors: %s\n", failures ? "FAILED" : "all errors behave");
  return failures ? 1 : 0;
}
