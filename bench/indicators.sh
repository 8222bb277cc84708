#!/usr/bin/env bash
# Indicator benchmark (figures printed, nothing asserted): on a Normandy-sized campaign closed for
# both waves (made once by `devenir demo` into the work folder), times `devenir indicators` for each
# wave from a cold JVM, prints outcome rows per second and where the time goes: the job's own
# phases (it prints them) and the rest, which is JVM, Spark and Delta start. BENCH_CFAS and
# BENCH_LEAVERS make a smaller campaign (e.g. 3 and 300, to check the script itself).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${BENCH_DIR:-$(mktemp -d)}"
cd "$here"
if [ ! -d "$work/lake" ]; then
  echo "preparing the campaign (devenir demo, a few minutes)…"
  ./devenir demo --lake "$work/lake" --out "$work/out" --cfas "${BENCH_CFAS:-75}" --leavers "${BENCH_LEAVERS:-16240}" \
    > "$work/demo.log" 2>&1
fi
for wave in 1 2; do
  start=$(date +%s.%N)
  # the demo's lake is keyed with the built-in demonstration key, which every command must be allowed
  ./devenir indicators --lake "$work/lake" --allow-demo-key --cohort 2022 --wave "$wave" --out "$work/indicators_V$wave.csv" \
    > "$work/indicators_V$wave.log" 2>/dev/null
  end=$(date +%s.%N)
  panel=$(awk -F';' -v w="$wave" '$2==w && $3=="raw" && $4=="region" && $6=="response_rate"{print int($8)}' \
    "$work/indicators_V$wave.csv")
  written=$(($(wc -l < "$work/indicators_V$wave.csv") - 1))
  phases=$(sed -n 's/^Durées : \(.*\)\.$/\1/p' "$work/indicators_V$wave.log")
  inside=$(echo "$phases" | grep -o '[0-9]*,[0-9] s' | tr -d ' s' | tr ',' '.' | awk '{s += $1} END {print s + 0}')
  awk -v w="$wave" -v p="$panel" -v n="$written" -v s="$start" -v e="$end" -v i="$inside" -v ph="$phases" 'BEGIN{
    t = e - s
    printf "wave %d: %d outcome rows -> %d indicator rows in %.1f s (cold JVM) = %.0f outcome rows/s\n", w, p, n, t, p / t
    printf "  job phases: %s\n  JVM, Spark and Delta start and shutdown: %.1f s\n", ph, t - i }'
done
echo "work folder: $work"
