#!/usr/bin/env bash
# Runs GdNotebooks' fast path and the PyTorch peers on the same workloads, interleaved, and prints for each workload:
# ours, peer, ratio, GFLOP/s, peak memory, next to numpy's float32 GEMM rate measured in the same run.
#
#   tests/peers/compare.sh            # W1, W2 (3 interleaved repeats, medians), numpy GEMM, W3 hook, W4 scaling
#   REPEATS=5 tests/peers/compare.sh  # more repeats
#   SKIP_W4=1 tests/peers/compare.sh  # without the W4 grid
#   OPENBLAS=1 tests/peers/compare.sh  # also run numpy and the peers on OpenBLAS (see fetch_openblas.sh)
#
# Needs the .NET 10 SDK and Debian's python3-torch / python3-numpy for /usr/bin/python3. Each workload runs in its own
# process (so peak memory is its own), cold and then warm; the tables quote warm runs, medians over the repeats.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
peers="$root/tests/peers"
repeats="${REPEATS:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
results="$work/results.txt"

echo "building tests/GdNotebooks.Benchmarks (Release)…" >&2
dotnet build "$root/tests/GdNotebooks.Benchmarks" -c Release -nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
ours=(dotnet "$root/tests/GdNotebooks.Benchmarks/bin/Release/net10.0/GdNotebooks.Benchmarks.dll" workloads)
"${ours[@]}" export "$work/data" >&2

run() { echo "  $*" >&2; "$@" | grep '^RESULT ' | tee -a "$results" >/dev/null; }
# The peers as installed (system libblas.so.3), and with OPENBLAS=1 also on a private OpenBLAS.
peer() { run env PEER_SIDE=torch /usr/bin/python3 "$@"; }
if [ -n "${OPENBLAS:-}" ]; then
  openblas="$("$peers/fetch_openblas.sh")"
  # numpy's GEMM rate with OpenBLAS's own 2 threads; the torch peers with 1, since torch already runs 2 threads and
  # OpenBLAS's 2 more oversubscribed the 2 cores (W2 went bimodal, 43–150 ms; with 1 thread 28–49 ms and W1 faster too).
  peer_openblas() { run env PEER_SIDE=torch_openblas LD_LIBRARY_PATH="$openblas" OPENBLAS_NUM_THREADS="${BLAS_THREADS:-1}" /usr/bin/python3 "$@"; }
  gemm_openblas() { BLAS_THREADS=2 peer_openblas "$@"; }
else
  peer_openblas() { :; }
  gemm_openblas() { :; }
fi

peer "$peers/numpy_gemm.py"; gemm_openblas "$peers/numpy_gemm.py"
for ((i = 1; i <= repeats; i++)); do
  echo "repeat $i/$repeats" >&2
  run "${ours[@]}" w1
  peer "$peers/w1_torch.py" "$work/data"
  peer_openblas "$peers/w1_torch.py" "$work/data"
  run "${ours[@]}" w2
  peer "$peers/w2_torch.py" "$work/data"
  peer_openblas "$peers/w2_torch.py" "$work/data"
done
peer "$peers/numpy_gemm.py"; gemm_openblas "$peers/numpy_gemm.py"

# W3: the whole notebook series, when the repository has one.
if [ -d "$root/notebooks" ]; then
  echo "  gdnb run notebooks" >&2
  start=$(date +%s.%N)
  (cd "$root" && ./gdnb run notebooks >"$work/w3.log" 2>&1) && status=0 || status=$?
  end=$(date +%s.%N)
  echo "RESULT {\"workload\": \"w3\", \"side\": \"ours\", \"seconds\": $(echo "$end - $start" | bc), \"exit\": $status}" >>"$results"
fi

if [ -z "${SKIP_W4:-}" ]; then run "${ours[@]}" w4; fi

cp "$results" "${TMPDIR:-/tmp}/gdnb-compare-results.txt"
echo "raw results: ${TMPDIR:-/tmp}/gdnb-compare-results.txt (re-print with tests/peers/summarize.py FILE)" >&2
/usr/bin/python3 "$peers/summarize.py" "$results"
