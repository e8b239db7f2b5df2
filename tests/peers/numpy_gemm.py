#!/usr/bin/python3
"""The machine's GEMM rate: numpy float32 1024×1024 matmul (median of 20), as GFLOP/s. Prints one RESULT line."""
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
print("RESULT " + json.dumps({"workload": "gemm", "side": os.environ.get("PEER_SIDE", "torch").replace("torch", "numpy"), "gflops": 2 * 1024 ** 3 / statistics.median(times) / 1e9,
                              "gflops_best": 2 * 1024 ** 3 / min(times) / 1e9}))
