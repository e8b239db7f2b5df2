#!/usr/bin/python3
"""W1 peer: the learning-rate sweep in PyTorch (torch.set_num_threads(2)), the natural training loop.

Usage: /usr/bin/python3 tests/peers/w1_torch.py DIR   (DIR from `workloads export DIR`)
Same data, start and mini-batch order as GdNotebooks' MlpSweepTrainer; each configuration runs its epochs with
loss.item() per step (a non-finite loss stops it, as ours does), then the full training loss. The sweep runs twice
(cold, warm); prints one RESULT line."""
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

from peer_data import load, model, peak_mb, set_flat

torch.set_num_threads(2)
directory = sys.argv[1]
meta, x, y = load(directory)
n, batch, epochs = meta["rows"], meta["batch"], meta["epochs"]
init = np.fromfile(os.path.join(directory, "init.f32"), dtype=np.float32)
order = torch.from_numpy(np.fromfile(os.path.join(directory, "order.i32"), dtype=np.int32).astype(np.int64))
batches = [order[e * n + s: e * n + min(s + batch, n)] for e in range(epochs) for s in range(0, n, batch)]


def sweep():
    losses, diverged, steps = [], [], 0
    net = model(meta)
    for lr in meta["lrs"]:
        set_flat(net, init)
        optimizer = torch.optim.SGD(net.parameters(), lr=lr)
        bad = False
        for rows in batches:
            loss = F.cross_entropy(net(x[rows]), y[rows])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            steps += 1
            if not math.isfinite(loss.item()):
                bad = True
                break
        with torch.no_grad():
            final = F.cross_entropy(net(x), y).item()
        losses.append(final if math.isfinite(final) and not bad else None)
        diverged.append(bad or not math.isfinite(final))
    return steps, losses, diverged


start = time.perf_counter(); sweep(); cold = time.perf_counter() - start
cpu = time.process_time(); start = time.perf_counter(); steps, losses, diverged = sweep(); warm = time.perf_counter() - start
cpu = time.process_time() - cpu
print("RESULT " + json.dumps({
    "workload": "w1", "side": os.environ.get("PEER_SIDE", "torch"), "threads": torch.get_num_threads(), "steps": steps, "seconds_cold": cold, "seconds": warm,
    "cpu_seconds": cpu, "steps_per_s": steps / warm, "steps_per_s_cold": steps / cold,
    "gflops": steps * meta["w1_flops_per_step"] / warm / 1e9, "lrs": meta["lrs"], "final_losses": losses, "diverged": diverged,
    "peak_mb": peak_mb(), "torch": torch.__version__}))
