#!/usr/bin/env bash
# Secrecy benchmark (figures printed, nothing asserted): wave 1's public secrecy decided alone, outside
# Spark, on the inputs of a closed wave dumped once into the work folder (stats.SecrecyReplay): the
# rounds as they go, the time, the counts hidden and the rows suppressed by the reader's priority of
# their dimension. A Normandy-sized campaign by default (75 CFAs, 16,240 leavers); BENCH_CFAS and
# BENCH_LEAVERS make a smaller one (12 and 2,500 decide in under a minute).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${BENCH_DIR:-$(mktemp -d)}"
mkdir -p "$work"
cd "$here"
mvn -B -q -o test-compile >/dev/null
replay() {
  java @target/jvm.args -Xmx3g -cp "target/test-classes:target/classes:$(cat target/runtime-classpath.txt)" \
    fr.oref.devenir.stats.SecrecyReplay "$@"
}
if [ ! -f "$work/inputs_V1.tsv" ]; then
  echo "preparing the campaign up to wave 1's closure (a few minutes)…"
  lake=(--lake "$work/lake" --allow-demo-key)
  {
    ./devenir sample --out "$work/sample" --cohort 2022 --cfas "${BENCH_CFAS:-75}" --leavers "${BENCH_LEAVERS:-16240}"
    ./devenir init "${lake[@]}"
    # the sample sends defective files on purpose: ingest-leavers refuses them (code 1) and loads the others
    ./devenir ingest-leavers "${lake[@]}" --cohort 2022 --reports "$work/validation" "$work/sample/leavers" || [ $? -eq 1 ]
    ./devenir panel "${lake[@]}" --cohort 2022 --wave 1 --out "$work/panel"
    ./devenir ingest-responses "${lake[@]}" --cohort 2022 --wave 1 "$work/sample/survey/export_C2022_V1.csv"
    ./devenir close-wave "${lake[@]}" --cohort 2022 --wave 1 --out "$work/out"
  } > "$work/prepare.log" 2>&1
  replay dump "$work/lake" 2022 1 "$work/inputs_V1.tsv" 2>>"$work/prepare.log"
fi
replay replay "$work/inputs_V1.tsv" 2>&1 | grep --line-buffered -v "^WARNING\|SLF4J" | sed -u 's/^.*DEBUG CountSecrecy: //'
echo "work folder: $work"
