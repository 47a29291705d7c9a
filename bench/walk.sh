#!/bin/bash
# Times one straight walk (12,800 boards, 51 points, one thread) for docs/PERFORMANCE.md: $1 is a distribution jar
# (launcher/target/minima/minima.jar), $2 a run folder holding one trained model (copied fresh each time, so the probe
# never reuses rows).
set -e
d=$(mktemp -d /tmp/wb.XXXX)
cp -r "$2" "$d/run"
OMP_NUM_THREADS=1 java --add-modules jdk.incubator.vector -Djava.awt.headless=true -Dminima.home="$(cd "$(dirname "$0")/.." && pwd)" -jar "$1" probe $d/run straight-walk --set solutions=exact --set straight-walk.boards=12800 --set run.threads=1 > $d/log 2>&1
grep -q "succeeded" $d/log
rm -rf $d
