#!/usr/bin/env bash
# National-scale benchmark (figures printed, nothing asserted): a campaign of N leavers a cohort
# (default 500,000 and one CFA per 250 leavers), several cohorts one after the other in one lake
# (default 5, so that the last has trends), both waves, each step from a cold JVM with a 2 GiB heap
# (BENCH_HEAP) — a step that needs more fails here. Prints per step wall time, CPU time (user +
# system) and peak resident memory; then, for the last cohort's two waves, DuckDB's CPU time for the
# same raw cells (bench.DuckDbReference, which also checks every count against gold.indicators).
#   bench/national.sh [--leavers N] [--cfas C] [--cohorts K] [--no-indicators]
# Its last line: "indicators CPU time / DuckDB CPU time: X" (both waves of the last cohort).
# --no-indicators plays every step but indicators, publish and the reference: the secrecy's LPs do not
# finish at national scale yet (docs/benchmarks.md), the other steps' growth and memory can be measured.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
leavers=500000
cfas=""
cohorts=5
indicators=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --leavers) leavers=$2; shift 2 ;;
    --cfas) cfas=$2; shift 2 ;;
    --cohorts) cohorts=$2; shift 2 ;;
    --no-indicators) indicators=no; shift ;;
    *) echo "usage: bench/national.sh [--leavers N] [--cfas C] [--cohorts K] [--no-indicators]" >&2; exit 2 ;;
  esac
done
cfas=${cfas:-$((leavers / 250 > 3 ? leavers / 250 : 3))}
work="${BENCH_DIR:-$(mktemp -d)}"
mkdir -p "$work/logs"
cd "$here"
# built once, outside the figures: the jar (./devenir does it when stale) and the benchmark's classpath
./devenir --version >/dev/null
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test >/dev/null

# step NAME COHORT devenir-arguments…: runs and times one command, appends "name cohort wall cpu rss"
step() {
  local name=$1 cohort=$2 code=0
  shift 2
  DEVENIR_JAVA_OPTS="${BENCH_HEAP:--Xmx2g}" /usr/bin/time -f '%e %U %S %M' -o "$work/time" \
    ./devenir "$@" > "$work/logs/$name-C$cohort.log" 2>&1 || code=$?
  # the sample sends defective files on purpose: ingest-leavers loads the others and exits 1
  if [ "$code" -ne 0 ] && ! { [ "$code" -eq 1 ] && [ "$name" = ingest-leavers ]; }; then
    echo "$name (cohort $cohort) failed with code $code: see $work/logs/$name-C$cohort.log" >&2
    exit 1
  fi
  tail -1 "$work/time" | awk -v n="$name" -v c="$cohort" '{printf "%-22s %6d %9.1f %9.1f %9.0f\n", n, c, $1, $2 + $3, $4 / 1024}' \
    | tee -a "$work/figures.txt"
}

last=2022
echo "$leavers leavers a cohort, $cfas CFAs, cohorts $((last - cohorts + 1))–$last; work folder: $work"
printf '%-22s %6s %9s %9s %9s\n' step cohort "wall s" "CPU s" "RSS MiB" | tee "$work/figures.txt"
for cohort in $(seq $((last - cohorts + 1)) $last); do
  sample="$work/sample-$cohort"
  lake=(--lake "$work/lake" --allow-demo-key --cohort "$cohort")
  step sample "$cohort" sample --out "$sample" --cohort "$cohort" --cfas "$cfas" --leavers "$leavers" --seed "$cohort"
  [ "$cohort" -gt $((last - cohorts + 1)) ] || step init "$cohort" init --lake "$work/lake" --allow-demo-key
  step ingest-leavers "$cohort" ingest-leavers "${lake[@]}" --reports "$work/out/validation-$cohort" "$sample/leavers"
  for wave in 1 2; do
    step "panel-V$wave" "$cohort" panel "${lake[@]}" --wave "$wave" --out "$work/out/panel-C$cohort-V$wave"
    step "ingest-responses-V$wave" "$cohort" ingest-responses "${lake[@]}" --wave "$wave" \
      --calls "$work/out/relances-C$cohort-V$wave" "$sample/survey/export_C${cohort}_V$wave.csv"
    step "close-wave-V$wave" "$cohort" close-wave "${lake[@]}" --wave "$wave" --out "$work/out"
    [ "$indicators" = yes ] || continue
    step "indicators-V$wave" "$cohort" indicators "${lake[@]}" --wave "$wave" \
      --out "$work/out/indicators_C${cohort}_V$wave.csv"
    # where the job's time went, as it prints it (the secrecy's LPs dominate from a few thousand leavers)
    sed -n 's/^Durées : \(.*\)\.$/    phases: \1/p' "$work/logs/indicators-V$wave-C$cohort.log"
  done
done
[ "$indicators" = yes ] || exit 0
step publish-V2 "$last" publish "${lake[@]}" --wave 2 --out "$work/out/publication"

# both waves in one JVM: Spark lists the snapshots once, then stops before DuckDB is timed
java @target/jvm.args -Xmx2g -Dlog4j2.configurationFile="$here/target/log4j2.properties" \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  fr.oref.devenir.bench.DuckDbReference "$work/lake" "$last" > "$work/logs/duckdb.log" 2>&1 ||
  { cat "$work/logs/duckdb.log" >&2; exit 1; }
grep -E '^(DuckDB|  )' "$work/logs/duckdb.log" || true
duckdb=$(sed -n 's/^duckdb_cpu_seconds=//p' "$work/logs/duckdb.log")
awk -v c="$last" -v d="$duckdb" '$1 ~ /^indicators-V/ && $2 == c {s += $4}
  END {printf "indicators CPU time / DuckDB CPU time: %.2f\n", s / d}' "$work/figures.txt"
