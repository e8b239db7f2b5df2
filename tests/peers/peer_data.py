"""Loads what `workloads export DIR` wrote (see tests/GdNotebooks.Benchmarks/ConsoleWorkloads.cs) for the torch peers."""
import json
import os
import resource

import numpy as np
import torch


def load(directory):
    meta = json.load(open(os.path.join(directory, "meta.json")))
    n, d = meta["rows"], meta["columns"]
    x = torch.from_numpy(np.fromfile(os.path.join(directory, "x.f32"), dtype=np.float32).reshape(n, d))
    y = torch.from_numpy(np.fromfile(os.path.join(directory, "y.i64"), dtype=np.int64))
    return meta, x, y


def model(meta):
    sizes = [meta["columns"], *meta["hidden"], meta["classes"]]
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(torch.nn.ReLU())
    return torch.nn.Sequential(*layers)


def set_flat(net, flat):
    """GdNotebooks' Mlp layout W1 (out × in, row-major), b1, W2, b2 … is torch.nn.Linear's weight, bias order."""
    offset = 0
    with torch.no_grad():
        for p in net.parameters():
            count = p.numel()
            p.copy_(torch.as_tensor(flat[offset:offset + count], dtype=p.dtype).reshape(p.shape))
            offset += count
    assert offset == len(flat)


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
