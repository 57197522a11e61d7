#!/usr/bin/env bash
# Scale benchmark: tools/benchmark.sh [ACTIVITIES] [TRANSACTIONS_PER_ACTIVITY] [own|path-headers|workbook|both|all]
# Builds the jar, generates a synthetic publisher (default 20000 x 20, both input forms), publishes
# it with the default heap and times xmllint --schema with the official XSD (../shared/iati) on
# the same output. Work files go to target/bench-ACTIVITIES-TRANSACTIONS/.
set -euo pipefail
cd "$(dirname "$0")/.."
activities=${1:-20000}
transactions=${2:-20}
forms=${3:-both}
xsd=${IATI_XSD:-../shared/iati/schemas-2.03/iati-activities-schema.xsd}
[ -f "$xsd" ] || { echo "benchmark: official XSD not found at $xsd (set IATI_XSD)" >&2; exit 2; }
command -v xmllint >/dev/null || { echo "benchmark: xmllint missing (apt-get install libxml2-utils)" >&2; exit 2; }
if [ -z "${BENCH_NO_BUILD:-}" ]; then
  mvn -B -q package -DskipTests
  mvn -B -q test-compile
fi
java -cp target/test-classes:target/iatipub.jar org.iatipub.bench.Benchmark \
  "$activities" "$transactions" "target/bench-$activities-$transactions" target/iatipub.jar "$xsd" "$forms"
