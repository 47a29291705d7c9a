#!/usr/bin/env bash
# PyTorch reference benchmark for Minima: training throughput of Firner's n-step
# Game of Life network. For each (n,m) in (1,1) (3,1) (3,10): one process alone,
# then TWO single-threaded processes at once; prints per-process and total samples/s.
#
# Environment:
#   PYTHON         interpreter (default /usr/bin/python3: Debian's python3-torch
#                  installs for Debian's python, not for a pyenv python on PATH)
#   BENCH_SECONDS  timed seconds per process and config (default 10)
#   BENCH_WARMUP   warm-up batches (default 50)
#   BENCH_CONFIGS  space-separated n,m pairs (default "1,1 3,1 3,10")
set -u
HERE="$(cd "$(dirname "$0")" && pwd)"
PY="${PYTHON:-/usr/bin/python3}"
SECS="${BENCH_SECONDS:-10}"
WARMUP="${BENCH_WARMUP:-50}"
CONFIGS="${BENCH_CONFIGS:-1,1 3,1 3,10}"

if ! "$PY" -c 'import torch' >/dev/null 2>&1; then
    echo "error: '$PY -c \"import torch\"' failed: PyTorch is not installed for $PY." >&2
    echo "Install Debian's package (it installs for /usr/bin/python3):" >&2
    echo "    apt-get update && apt-get install -y python3-torch" >&2
    echo "or set PYTHON=/path/to/a/python that has torch." >&2
    exit 2
fi

NPROC="$(nproc)"  # before the export: nproc honours OMP_NUM_THREADS
export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

field() { # field NAME < RESULT-line
    tr ' ' '\n' | sed -n "s/^$1=//p" | head -1
}

echo "python: $PY ($("$PY" -c 'import platform; print(platform.python_version())'))"
echo "torch:  $("$PY" -c 'import torch; print(torch.__version__)')"
echo "cpu:    $(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -1), nproc=$NPROC"
echo "load:   $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) before start"
echo "timed:  ${SECS}s per process (median of 5 windows), warm-up ${WARMUP} batches, batch 128, 10x10, threads=1"
echo

bench() { # bench N M OUTFILE [START_AT]
    local extra=()
    [ -n "${4:-}" ] && extra=(--start-at "$4")
    "$PY" "$HERE/gol_bench.py" --steps "$1" --width "$2" --batch 128 --size 10 \
        --seconds "$SECS" --warmup "$WARMUP" --threads 1 "${extra[@]}" >"$3" 2>"$3.err"
}

rows=()
status=0
for cfg in $CONFIGS; do
    n="${cfg%,*}"; m="${cfg#*,}"
    # alone
    bench "$n" "$m" "$TMP/alone.out" || { echo "run failed (n=$n m=$m alone):"; cat "$TMP/alone.out.err"; status=1; continue; }
    grep '^RESULT' "$TMP/alone.out"
    alone="$(grep '^RESULT' "$TMP/alone.out" | field samples_per_s)"
    # two at once; both start their timed windows at the same wall-clock instant
    start_at="$("$PY" -c 'import time; print(f"{time.time() + 8:.3f}")')"
    bench "$n" "$m" "$TMP/p1.out" "$start_at" & pid1=$!
    bench "$n" "$m" "$TMP/p2.out" "$start_at" & pid2=$!
    wait "$pid1" || status=1
    wait "$pid2" || status=1
    cat "$TMP/p1.out.err" "$TMP/p2.out.err" >&2
    grep -h '^RESULT' "$TMP/p1.out" "$TMP/p2.out"
    r1="$(grep '^RESULT' "$TMP/p1.out" | field samples_per_s)"
    r2="$(grep '^RESULT' "$TMP/p2.out" | field samples_per_s)"
    total="$(awk -v a="${r1:-0}" -v b="${r2:-0}" 'BEGIN{printf "%.1f", a+b}')"
    echo "SUMMARY n=$n m=$m alone=$alone pair_p1=$r1 pair_p2=$r2 pair_total=$total"
    echo
    rows+=("$n $m $alone $r1 $r2 $total")
done

echo "load:   $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) after runs"
echo
printf '%-3s %-4s %14s %14s %14s %14s %8s\n' n m alone pair_p1 pair_p2 pair_total speedup
for r in "${rows[@]}"; do
    set -- $r
    sp="$(awk -v t="$6" -v a="$3" 'BEGIN{ if (a>0) printf "%.2f", t/a; else print "-" }')"
    printf '%-3s %-4s %14s %14s %14s %14s %8s\n' "$1" "$2" "$3" "$4" "$5" "$6" "$sp"
done
echo "(samples/s; median of 5 windows per process; speedup = pair_total / alone)"
exit $status
