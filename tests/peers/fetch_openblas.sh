#!/usr/bin/env bash
# Debian's python3-torch and python3-numpy link libblas.so.3, which on a fresh machine is the reference (netlib) BLAS:
# ~5 GFLOP/s for a 1024² float32 matmul instead of ~150–210 with OpenBLAS. This unpacks Debian's OpenBLAS into a
# private folder (no system change, no alternatives switched) so compare.sh can also run the peers on it through
# LD_LIBRARY_PATH. Prints the folder.
set -euo pipefail
dir="${XDG_CACHE_HOME:-$HOME/.cache}/gdnotebooks/openblas"
lib="$dir/root/usr/lib/x86_64-linux-gnu/openblas-pthread"
if [ ! -f "$lib/libblas.so.3" ]; then
  mkdir -p "$dir"
  (cd "$dir" && apt-get download libopenblas0-pthread >/dev/null 2>&1 && dpkg -x libopenblas0-pthread_*.deb root)
fi
echo "$lib"
