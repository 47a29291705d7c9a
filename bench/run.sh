#!/usr/bin/env bash
# The training-throughput benchmark of docs/PERFORMANCE.md, in one run: Minima's trainer with its default plane
# engine and with its fused engine, a plain DL4J MultiLayerNetwork of the same network (network engine), and PyTorch
# (bench/pytorch), each with one model alone and with two models at once (two threads for Minima/DL4J in one JVM, two
# processes for PyTorch), for (n, m) = (1, 1), (3, 1), (3, 10) at batch 128 on 10x10 boards; the fused engine once on
# OpenBLAS and once on Intel MKL (run.blas). Prints a table with the ratios.
#
# Environment: BENCH_SECONDS (timed seconds per measurement, default 10), BENCH_CONFIGS (default "1,1 3,1 3,10"),
# BENCH_ACTIVATION (relu, the default, or leaky-relu; PyTorch's network is ReLU only, so leaky-relu skips it).
# Needs the build (mvn -B install -DskipTests) and, for the PyTorch column, Debian's python3-torch.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SECS="${BENCH_SECONDS:-10}"
CONFIGS="${BENCH_CONFIGS:-1,1 3,1 3,10}"
ACTIVATION="${BENCH_ACTIVATION:-relu}"
export OMP_NUM_THREADS=1
# the plane engine computes in the Java Vector API; exec:java runs the benchmark inside Maven's own JVM
export MAVEN_OPTS="${MAVEN_OPTS:-} --add-modules jdk.incubator.vector"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "machine: $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1), $(nproc --all) cores, $(free -g | awk '/Mem:/{print $2}') GiB"
echo "java:    $(java -version 2>&1 | head -1)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) before start"
echo "network: Firner's form, activation $ACTIVATION"
java_configs="$(echo "$CONFIGS" | tr ' ' ';')"
mvn -B -q -Dstyle.color=never -f bundles/train-dl4j/pom.xml test-compile exec:java \
    -Dexec.args="seconds=$SECS configs=$java_configs engines=planes,fused,network threads=1,2 activations=$ACTIVATION" \
    | tee "$tmp/java.txt" \
    | grep 'RESULT' || true
# the same fused engine with Intel MKL as ND4J's BLAS (run.blas = mkl)
mvn -B -q -Dstyle.color=never -f bundles/train-dl4j/pom.xml exec:java -Dorg.bytedeco.openblas.load=mkl_rt \
    -Dexec.args="seconds=$SECS configs=$java_configs engines=fused threads=1,2 activations=$ACTIVATION" \
    | tee "$tmp/mkl.txt" \
    | grep 'RESULT' || true
if [[ "$ACTIVATION" != relu ]]; then
    echo "PyTorch column skipped: its network is ReLU only" | tee "$tmp/torch.txt"
elif BENCH_SECONDS="$SECS" BENCH_CONFIGS="$CONFIGS" bench/pytorch/run.sh > "$tmp/torch.txt" 2>&1; then
    grep -E '^(RESULT|SUMMARY)' "$tmp/torch.txt"
else
    echo "PyTorch column skipped: $(head -3 "$tmp/torch.txt")"
fi
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) after runs"
echo

field() { tr ' ' '\n' | sed -n "s/^$1=//p" | head -1; }
java_rate() { { grep "RESULT framework=minima engine=$1 n=$2 m=$3 .* threads=$4 " "$tmp/${5:-java}.txt" \
    || true; } | field samples_per_s; }
torch_rate() { { grep "^SUMMARY n=$1 m=$2 " "$tmp/torch.txt" 2>/dev/null || true; } | field "$3"; }
ratio() { awk -v a="${1:-0}" -v b="${2:-0}" 'BEGIN{ if (a > 0 && b > 0) printf "%.2f", a / b; else print "-" }'; }

printf '%-3s %-3s | %9s %9s | %9s %9s | %9s %9s | %9s %9s | %9s %9s | %12s %12s %10s %10s\n' n m "planes 1" \
    "planes 2" "openblas 1" "openblas 2" "mkl 1" "mkl 2" "dl4j 1" "dl4j 2" "torch 1" "torch 2" "planes/torch" \
    "planes/openb" "mkl/torch" "mkl/openb"
for cfg in $CONFIGS; do
    n="${cfg%,*}"; m="${cfg#*,}"
    p1="$(java_rate planes "$n" "$m" 1)"; p2="$(java_rate planes "$n" "$m" 2)"
    f1="$(java_rate fused "$n" "$m" 1)"; f2="$(java_rate fused "$n" "$m" 2)"
    k1="$(java_rate fused "$n" "$m" 1 mkl)"; k2="$(java_rate fused "$n" "$m" 2 mkl)"
    d1="$(java_rate network "$n" "$m" 1)"; d2="$(java_rate network "$n" "$m" 2)"
    t1="$(torch_rate "$n" "$m" alone)"; t2="$(torch_rate "$n" "$m" pair_total)"
    printf '%-3s %-3s | %9.0f %9.0f | %9.0f %9.0f | %9.0f %9.0f | %9.0f %9.0f | %9.0f %9.0f | %12s %12s %10s %10s\n' \
        "$n" "$m" "${p1:-0}" "${p2:-0}" "${f1:-0}" "${f2:-0}" "${k1:-0}" "${k2:-0}" "${d1:-0}" "${d2:-0}" \
        "${t1:-0}" "${t2:-0}" "$(ratio "$p2" "$t2")" "$(ratio "$p2" "$f2")" "$(ratio "$k2" "$t2")" "$(ratio "$k2" "$f2")"
done
echo "(samples/s, batch 128, 10x10 boards; columns 1 and 2: one model alone, two models at once (total);"
echo " planes: Minima's default plane engine; openblas and mkl: its fused engine on each BLAS; dl4j: a plain DL4J"
echo " network on OpenBLAS;"
echo " ratios compare the two-model totals. Minima's and DL4J's figures include generating fresh boards every"
echo " batch; PyTorch's exclude it (its boards are generated before timing).)"
