#!/usr/bin/env bash
# schema-check.sh - equivalence test of the iatipub XML Schemas against the
# official IATI 2.03 schemas.
#
# Every test file is validated (xmllint --noout --schema) with BOTH schema sets.
# Printed: files where the two verdicts differ, should-pass files that fail,
# should-fail files that pass, and a final count line. Exit status 0 only when
# there are no disagreements and no expectation failures.
#
# Usage: tools/schema-check.sh [-v]      (-v: also list every verdict)
# Environment overrides: IATI_SHARED (default /work/shared/iati),
#                        OUR_SCHEMAS (default <repo>/schemas).
set -u

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
shared="${IATI_SHARED:-/work/shared/iati}"
ours="${OUR_SCHEMAS:-$repo/schemas}"
official="$shared/schemas-2.03"
verbose=0
[[ "${1:-}" == "-v" ]] && verbose=1

command -v xmllint >/dev/null || { echo "xmllint not found (apt-get install libxml2-utils)" >&2; exit 2; }

# Make sure all four schemas load at all.
for s in "$official" "$ours"; do
  for root in iati-activities-schema.xsd iati-organisations-schema.xsd; do
    if ! xmllint --noout "$s/$root" >/dev/null 2>&1; then
      echo "cannot read schema $s/$root" >&2; exit 2
    fi
  done
done

# verdict SCHEMA FILE -> prints valid | invalid | error(<rc>)
verdict() {
  local rc
  xmllint --noout --nonet --schema "$1" "$2" >/dev/null 2>&1
  rc=$?
  case $rc in
    0) echo valid ;;
    1|3|4) echo invalid ;;   # 1: not well-formed, 3/4: schema-invalid
    *) echo "error($rc)" ;;  # 5: schema could not be compiled, etc.
  esac
}

# kind FILE -> activities | organisations (folder name first, then root element)
kind() {
  case "$1" in
    */schema-tests/activities*/*) echo activities; return ;;
    */schema-tests/organisations*/*) echo organisations; return ;;
  esac
  if grep -q '<iati-organisations' "$1"; then echo organisations; else echo activities; fi
}

total=0; differ=0; unexpected=0; errors=0
check() {  # check FILE EXPECTED(pass|fail|valid-real)
  local f="$1" expect="$2" k off our
  k="$(kind "$f")"
  off="$(verdict "$official/iati-$k-schema.xsd" "$f")"
  our="$(verdict "$ours/iati-$k-schema.xsd" "$f")"
  total=$((total + 1))
  [[ $verbose == 1 ]] && echo "$off/$our  $f"
  if [[ "$off" == error* || "$our" == error* ]]; then
    errors=$((errors + 1)); echo "ERROR      official=$off ours=$our  $f"
  fi
  if [[ "$off" != "$our" ]]; then
    differ=$((differ + 1)); echo "DIFFERENT  official=$off ours=$our  $f"
  fi
  if [[ "$expect" == pass && "$our" != valid ]]; then
    unexpected=$((unexpected + 1)); echo "SHOULD-PASS FAILS (ours=$our official=$off)  $f"
  elif [[ "$expect" == fail && "$our" == valid ]]; then
    unexpected=$((unexpected + 1)); echo "SHOULD-FAIL PASSES (ours=$our official=$off)  $f"
  fi
}

while IFS= read -r -d '' f; do
  case "$f" in
    */should-pass/*) check "$f" pass ;;
    */should-fail/*) check "$f" fail ;;
  esac
done < <(find "$shared/schema-tests" -type f -name '*.xml' -print0 | sort -z)

while IFS= read -r -d '' f; do
  check "$f" pass     # real 2.03 publisher files are expected to be valid
done < <(find "$shared/real-files/v2.03" -maxdepth 1 -type f -name '*.xml' -print0 | sort -z)

echo "checked $total files: $differ disagreements (official vs ours), $unexpected unexpected verdicts, $errors errors"
[[ $differ == 0 && $unexpected == 0 && $errors == 0 ]]
