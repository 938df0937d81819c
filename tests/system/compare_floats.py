#!/usr/bin/env python3
"""compare_floats.py ACTUAL EXPECTED REL_TOL: two files of little-endian
float32 values; exit 1 (printing the worst element) when any value differs
from the expected one by more than REL_TOL relative (|a - e| <= tol * |e|),
or when the files differ in length."""
import struct
import sys

actual, expected = (open(p, "rb").read() for p in sys.argv[1:3])
tol = float(sys.argv[3])
if len(actual) != len(expected) or len(actual) % 4:
    sys.exit(f"{sys.argv[1]}: {len(actual)} bytes, expected {len(expected)}")
a = struct.unpack(f"<{len(actual) // 4}f", actual)
e = struct.unpack(f"<{len(expected) // 4}f", expected)
worst = max(range(len(a)), key=lambda i: abs(a[i] - e[i]) - tol * abs(e[i]))
if abs(a[worst] - e[worst]) > tol * abs(e[worst]):
    sys.exit(f"element {worst}: {a[worst]!r} vs {e[worst]!r}")
