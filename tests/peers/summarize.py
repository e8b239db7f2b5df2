#!/usr/bin/python3
"""Prints the comparison tables from the RESULT lines compare.sh collected (medians over repeats, warm runs)."""
import json
import statistics
import sys

rows = [json.loads(line.split(" ", 1)[1]) for line in open(sys.argv[1]) if line.startswith("RESULT ")]


def pick(workload, side):
    return [r for r in rows if r["workload"] == workload and r["side"] == side]


def median(items, key):
    values = [r[key] for r in items if r.get(key) is not None]
    return statistics.median(values) if values else float("nan")


peers = [side for side in ("torch", "torch_openblas") if pick("w1", side) or pick("w2", side)]
label = {"torch": "system BLAS", "torch_openblas": "OpenBLAS"}
gemm_rates = {}
for side in peers:
    runs = pick("gemm", side.replace("torch", "numpy"))
    if runs:
        gemm_rates[side] = max(r["gflops_best"] for r in runs)
        medians = ", ".join("%.1f" % r["gflops"] for r in runs)
        print(f"numpy float32 1024² matmul on {label[side]}: {gemm_rates[side]:.1f} GFLOP/s best (medians {medians}, before and after)")
        if all("gflops_w1_shape" in r for r in runs):
            print(f"  on W1's 32×64·64×64 product, one call at a time: {max(r['gflops_w1_shape'] for r in runs):.1f} GFLOP/s best")
gemm = max(gemm_rates.values(), default=float("nan"))
if gemm < 50:
    print("  (numpy links the reference BLAS here, so this is not the machine's GEMM rate: run with OPENBLAS=1)")
print()
print(f"{'workload':<4} {'peer':<15} {'ours':>16} {'peer':>16} {'ratio':>8} {'GFLOP/s ours':>13} {'peer':>7} {'% GEMM':>7} {'peak MB ours':>13} {'peer':>6}")
for workload, unit, key, better in [("w1", "steps/s", "steps_per_s", "higher"), ("w2", "s", "seconds", "lower")]:
    ours = pick(workload, "ours")
    for side in peers:
        peer = pick(workload, side)
        if not ours or not peer:
            continue
        a, b = median(ours, key), median(peer, key)
        ratio = a / b if better == "higher" else b / a
        g = median(ours, "gflops")
        print(f"{workload:<4} {label[side]:<15} {a:>12.4g} {unit:<3} {b:>12.4g} {unit:<3} {ratio:>7.1f}× {g:>13.1f} {median(peer, 'gflops'):>7.2f} "
              f"{100 * g / gemm:>6.1f}% {median(ours, 'peak_mb'):>13.0f} {median(peer, 'peak_mb'):>6.0f}")
        print(f"{'':<20} cold (first call in a fresh process): ours {median(ours, 'seconds_cold'):.3f} s, peer {median(peer, 'seconds_cold'):.3f} s; "
              f"CPU/wall ours {median(ours, 'cpu_seconds') / median(ours, 'seconds'):.2f}, peer {median(peer, 'cpu_seconds') / median(peer, 'seconds'):.2f}")

w1o, w1p = pick("w1", "ours"), pick("w1", "torch")
if w1o and w1p:
    o, p = w1o[-1], w1p[-1]
    print("\nW1 final training loss per learning rate (last repeat):")
    print(f"{'lr':>10} {'ours':>14} {'torch':>14} {'rel diff':>9}")
    for lr, a, b, da, db in zip(o["lrs"], o["final_losses"], p["final_losses"], o["diverged"], p["diverged"]):
        fa = "diverged" if da else f"{a:.6g}"
        fb = "diverged" if db else f"{b:.6g}"
        rel = f"{abs(a - b) / abs(b):.1e}" if a is not None and b is not None and not da and not db else ""
        print(f"{lr:>10.4g} {fa:>14} {fb:>14} {rel:>9}")
    print(f"diverged at the same rates: {o['diverged'] == p['diverged']}")

w2o, w2p = pick("w2", "ours"), pick("w2", "torch")
if w2o and w2p:
    a, b = w2o[-1]["eigenvalue"], w2p[-1]["eigenvalue"]
    print(f"\nW2 top eigenvalue: ours {a:.8g}, torch {b:.8g}, relative difference {abs(a - b) / abs(b):.1e}")

w3 = pick("w3", "ours")
print("\nW3 (gdnb run notebooks): " + (f"{w3[0]['seconds']:.1f} s, exit {w3[0]['exit']}" if w3 else "no notebooks/ folder yet (hook in compare.sh)"))

w4 = pick("w4", "ours")
if w4:
    print("\nW4 scaling, one epoch per cell (time should grow linearly in configurations × examples: ns/step constant):")
    print(f"{'data':>6} {'train':>8} {'configs':>8} {'steps':>10} {'seconds':>9} {'ns/step':>9} {'CPU/wall':>9} {'peak MB':>8}")
    for r in w4:
        print(f"{'×' + str(r['data_factor']):>6} {r['train']:>8} {r['configurations']:>8} {r['steps']:>10} {r['seconds']:>9.3f} "
              f"{r['ns_per_step']:>9.0f} {r['cpu_seconds'] / r['seconds']:>9.2f} {r['peak_mb']:>8.0f}")
    threads = pick("w4_threads", "ours")
    one = [r["seconds"] for r in threads if r["threads"] == 1]
    two = [r["seconds"] for r in threads if r["threads"] == 2]
    if one and two:
        print(f"64 configurations on ×10 data: 1 thread {min(one):.3f} s, 2 threads {min(two):.3f} s, "
              f"speed-up {min(one) / min(two):.2f}× (best of 2 each; target ≥ 1.8×)")
