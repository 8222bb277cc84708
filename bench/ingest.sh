#!/usr/bin/env bash
# Ingestion benchmark (figures printed, nothing asserted): a Normandy-sized campaign (75 CFAs,
# 16,240 leavers) ingested from nothing, Spark start included; then the parser's throughput against
# a bare POI SAX parse of the same workbooks. With --million, also one 1,000,000-row workbook
# ingested with a 1 GiB heap.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${BENCH_DIR:-$(mktemp -d)}"
cd "$here"
./devenir sample --out "$work/sample" --cohort 2022 >/dev/null
rows=$(awk -F';' 'NR>1{s+=$3} END{print s}' "$work/sample/manifest-summary.csv")
start=$(date +%s.%N)
./devenir ingest-leavers --lake "$work/lake" --allow-demo-key --cohort 2022 --reports "$work/reports" "$work/sample/leavers" 2>/dev/null | tail -2
end=$(date +%s.%N)
awk -v r="$rows" -v s="$start" -v e="$end" 'BEGIN{printf "ingest-leavers: %d rows in %.1f s (JVM and Spark start included) = %.0f rows/s\n", r, e-s, r/(e-s)}'
mvn -B -q -o test-compile >/dev/null
java @target/jvm.args -Xmx2g -cp "target/test-classes:target/classes:$(cat target/runtime-classpath.txt)" \
  fr.oref.devenir.bench.ParseBenchmark "$work/sample/leavers"
if [ "${1:-}" = "--million" ]; then
  ./devenir sample --out "$work/million" --cohort 2022 --cfas 1 --leavers 1000000 >/dev/null
  rm -f "$work/million/leavers/sortants_vide.xlsx" "$work/million/leavers/sortants_export.xlsx" "$work/million/leavers/sortants_protege.xlsx"
  start=$(date +%s.%N)
  DEVENIR_JAVA_OPTS="-Xmx1g" ./devenir ingest-leavers --lake "$work/lake-million" --allow-demo-key --cohort 2022 "$work/million/leavers" 2>/dev/null | tail -1
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN{printf "1,000,000-row workbook with a 1 GiB heap: %.1f s\n", e-s}'
fi
echo "work folder: $work"
