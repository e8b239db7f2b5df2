#!/usr/bin/python3
"""The machine's GEMM rate: numpy float32 1024×1024 matmul (median of 20), as GFLOP/s; and for scale, the rate numpy reaches
on W1's largest product, a 32×64 batch times 64×64 weights (best of 5 loops of 20,000 calls, Python's call overhead
included). Prints one RESULT line."""
import json
import os
import statistics
import time

import numpy as np

rng = np.random.default_rng(0)
a = rng.standard_normal((1024, 1024), dtype=np.float32)
b = rng.standard_normal((1024, 1024), dtype=np.float32)
a @ b
times = []
for _ in range(20):
    start = time.perf_counter()
    a @ b
    times.append(time.perf_counter() - start)
small_a = rng.standard_normal((32, 64), dtype=np.float32)
small_b = rng.standard_normal((64, 64), dtype=np.float32)
small_c = np.empty((32, 64), dtype=np.float32)
loops = []
for _ in range(5):
    start = time.perf_counter()
    for _ in range(20000):
        np.matmul(small_a, small_b, out=small_c)
    loops.append((time.perf_counter() - start) / 20000)
print("RESULT " + json.dumps({"workload": "gemm", "side": os.environ.get("PEER_SIDE", "torch").replace("torch", "numpy"), "gflops": 2 * 1024 ** 3 / statistics.median(times) / 1e9,
                              "gflops_best": 2 * 1024 ** 3 / min(times) / 1e9,
                              "gflops_w1_shape": 2 * 32 * 64 * 64 / min(loops) / 1e9}))
