#!/usr/bin/env python3
"""Independent model of workloads/examples/dsp_kernels.c.

Recomputes, with Python integers (no fixed-width arithmetic to get wrong),
what the firmware's kernels must produce: the int8 dot product, the three
q15 FIR runs (CRC-32 of their outputs via zlib) and the byte-wise max. It
prints the lines the firmware prints for them; tests/system checks these
against the values in dsp_kernels_expected.cmake, and the firmware tests
check the firmware's lines against the same values.

  dsp_kernels_model.py            print the expected lines
  dsp_kernels_model.py --c-taps   print the low-pass taps as the C table
                                  in dsp_kernels.c (their source of truth)
"""
import math
import struct
import sys
import zlib

DOT_LEN = 1027          # 256 words of 4 int8 and a 3-element tail
FIR_TAPS = 32
FIR_LEN = 256
MAX_LEN = 256
SEED = 2718281


class Lcg:
    """Numerical Recipes LCG, x' = 1664525 x + 1013904223 mod 2^32."""

    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 1664525 + 1013904223) % 2**32
        return self.state

    def s8(self):
        top = self.next() >> 24
        return top - 256 if top >= 128 else top

    def u8(self):
        return self.next() >> 24


def lowpass_taps():
    """32-tap Hamming-windowed sinc, cutoff fs/8, DC gain 1, in q15."""
    fc = 0.125
    h = []
    for n in range(FIR_TAPS):
        m = n - (FIR_TAPS - 1) / 2
        sinc = math.sin(2 * math.pi * fc * m) / (math.pi * m)
        window = 0.54 - 0.46 * math.cos(2 * math.pi * n / (FIR_TAPS - 1))
        h.append(sinc * window)
    total = sum(h)
    return [math.floor(v / total * 32768 + 0.5) for v in h]


def wma_taps():
    """Weighted moving sum, newest sample weighted most: h[k] = 1000 (32 - k)."""
    return [1000 * (FIR_TAPS - k) for k in range(FIR_TAPS)]


def fir_input(rng, taps):
    x = []
    for n in range(FIR_LEN):
        p = n % 64
        tri = (p if p < 32 else 64 - p) * 750 - 12000
        hf = 6000 if n & 2 else -6000
        noise = (rng.next() >> 22) - 512
        x.append(tri + hf + noise)
    # Full scale with the signs of the low-pass taps ending at samples 191
    # (positive) and 231 (negative): those outputs exceed q15 and saturate.
    for n in range(160, 192):
        x[n] = 32767 if taps[191 - n] >= 0 else -32768
    for n in range(200, 232):
        x[n] = -32768 if taps[231 - n] >= 0 else 32767
    return x


def fir(h, x):
    """y[n] = sat16((sum_k h[k] x[n-k]) >> 15); returns (y, saturated count)."""
    y, saturated = [], 0
    for n in range(len(x)):
        acc = sum(h[k] * x[n - k] for k in range(len(h)) if n - k >= 0)
        v = acc >> 15  # floor, as an arithmetic shift
        if v > 32767 or v < -32768:
            saturated += 1
            v = max(-32768, min(32767, v))
        y.append(v)
    return y, saturated


def crc_q15(y):
    return zlib.crc32(struct.pack(f"<{len(y)}h", *y))


def main():
    rng = Lcg(SEED)
    a, b = [], []
    for _ in range(DOT_LEN):
        a.append(rng.s8())
        b.append(rng.s8())
    a[0], b[0] = -128, -128
    a[1], b[1] = -128, 127
    dot = sum(p * q for p, q in zip(a, b))

    lowpass = lowpass_taps()
    if "--c-taps" in sys.argv[1:]:
        rows = [", ".join(f"{v:6d}" for v in lowpass[i:i + 8]) for i in range(0, FIR_TAPS, 8)]
        print("    " + ",\n    ".join(rows) + ",")
        return 0
    assert sum(abs(v) for v in lowpass) <= 65535, "low-pass must fit the 32-bit kernel"

    x = fir_input(rng, lowpass)
    y_lowpass, sat_lowpass = fir(lowpass, x)
    y_wma, sat_wma = fir(wma_taps(), x)

    u, v = [], []
    for i in range(MAX_LEN):
        u.append(rng.u8())
        v.append(rng.u8())
        if i % 16 == 5:
            v[i] = u[i]
    u[0], v[0] = 0, 255
    u[1], v[1] = 255, 0
    vmax = bytes(max(p, q) for p, q in zip(u, v))

    print(f"dot_int8: {DOT_LEN} elements, simd {dot} ref {dot} ok")
    for name, y, saturated in (("fir_q15", y_lowpass, sat_lowpass),
                               ("fir_q15_fast", y_lowpass, sat_lowpass),
                               ("fir_q15_wma", y_wma, sat_wma)):
        print(f"{name}: {FIR_LEN} samples, {saturated} saturated, checksum 0x{crc_q15(y):08x}, ok")
    print(f"max_u8: {MAX_LEN} bytes, checksum 0x{zlib.crc32(vmax):08x}, ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
