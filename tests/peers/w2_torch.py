#!/usr/bin/python3
"""W2 peer: top Hessian eigenvalue by 20 power iterations on double-backward HVPs (PyHessian style, Yao et al. 2020).

Usage: /usr/bin/python3 tests/peers/w2_torch.py DIR   (DIR from `workloads export DIR`)
At the exported point (the W1 network trained at lr 0.1) from the exported start: loss on the full training set,
grads with create_graph=True, then v <- Hv/|Hv| with eigenvalue v·Hv, as GdNotebooks' PowerIteration does. Timed
twice (cold, warm) from the loss to the last product; prints one RESULT line."""
import json
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
net = model(meta)
set_flat(net, np.fromfile(os.path.join(directory, "w2_point.f64"), dtype=np.float64))
start_vector = np.fromfile(os.path.join(directory, "w2_start.f64"), dtype=np.float64)
params = list(net.parameters())


def top_eigenvalue():
    loss = F.cross_entropy(net(x), y)
    grads = torch.autograd.grad(loss, params, create_graph=True)
    flat = torch.as_tensor(start_vector, dtype=torch.float32)
    v, offset = [], 0
    for p in params:
        v.append(flat[offset:offset + p.numel()].reshape(p.shape))
        offset += p.numel()
    norm = torch.sqrt(sum((t * t).sum() for t in v))
    v = [t / norm for t in v]
    eigenvalue = None
    for _ in range(meta["power_iterations"]):
        hv = torch.autograd.grad(grads, params, grad_outputs=v, retain_graph=True)
        eigenvalue = sum((h * t).sum() for h, t in zip(hv, v)).item()
        norm = torch.sqrt(sum((h * h).sum() for h in hv))
        v = [h / norm for h in hv]
    return eigenvalue


begin = time.perf_counter(); top_eigenvalue(); cold = time.perf_counter() - begin
# A run takes tens of milliseconds: the median of 5 warm runs (wall and CPU of that run), as the C# side does.
runs = []
for _ in range(5):
    cpu = time.process_time(); begin = time.perf_counter(); eigenvalue = top_eigenvalue()
    runs.append((time.perf_counter() - begin, time.process_time() - cpu))
warm, cpu = sorted(runs)[len(runs) // 2]
print("RESULT " + json.dumps({
    "workload": "w2", "side": os.environ.get("PEER_SIDE", "torch"), "seconds_cold": cold, "seconds": warm, "cpu_seconds": cpu, "eigenvalue": eigenvalue,
    "hvps": meta["power_iterations"], "gflops": meta["w2_flops"] / warm / 1e9, "peak_mb": peak_mb()}))
