#!/usr/bin/python3
"""Kernel launch benchmark: time from launching a kernel to the first execute_result of `1+1`,
for the GdNotebooks C# kernel and Debian's ipykernel in the same run, and print the ratio.

    /usr/bin/python3 tests/peers/kernel_startup.py [--runs 5] [--gdnb path/to/gdnb.dll]

Needs python3-jupyter-client and python3-ipykernel (Debian), libzmq5, and gdnb published by `./gdnb` (or built).
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from jupyter_client.manager import KernelManager

ROOT = Path(__file__).resolve().parents[2]


def find_gdnb():
    """The gdnb that `./gdnb kernel install` installs (the ReadyToRun publish), else a plain build."""
    cli = ROOT / "src" / "GdNotebooks.Cli" / "bin"
    for candidate in (cli / "gdnb" / "gdnb.dll", cli / "Release" / "net10.0" / "gdnb.dll", cli / "Debug" / "net10.0" / "gdnb.dll"):
        if candidate.exists():
            return candidate
    sys.exit("gdnb is not built: run `./gdnb --help` once (it publishes gdnb) first")


def time_to_first_result(kernel_name, timeout=120.0):
    """Seconds from start_kernel to the execute_result of 1+1 on iopub."""
    started = time.perf_counter()
    km = KernelManager(kernel_name=kernel_name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=timeout)
        msg_id = kc.execute("1+1")
        while True:
            msg = kc.get_iopub_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_result":
                assert msg["content"]["data"]["text/plain"] == "2", msg["content"]
                return time.perf_counter() - started
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--gdnb", type=Path, default=None)
    args = parser.parse_args()
    gdnb = args.gdnb or find_gdnb()

    print(f"gdnb: {gdnb}")
    with tempfile.TemporaryDirectory(prefix="gdnb-bench-") as prefix:
        subprocess.run(["dotnet", str(gdnb), "kernel", "install", "--prefix", prefix], check=True, stdout=subprocess.DEVNULL)
        os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter") + os.pathsep + os.environ.get("JUPYTER_PATH", "")
        results = {"gdnotebooks": [], "python3": []}
        for _ in range(args.runs):  # interleaved, so both see the same machine load
            for name in results:
                results[name].append(time_to_first_result(name))

    for name, times in results.items():
        print(f"{name:12s} median {statistics.median(times):6.3f} s   min {min(times):6.3f} s   runs {len(times)}")
    ratio = statistics.median(results["gdnotebooks"]) / statistics.median(results["python3"])
    print(f"ratio gdnotebooks/ipykernel (median launch to first execute_result of 1+1): {ratio:.2f}")


if __name__ == "__main__":
    main()
