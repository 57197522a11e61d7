#!/usr/bin/env bash
# Remakes docs/validate-report.png, the sample validation report the README shows: publishes the
# worked example (docs/example/exports), breaks a few things in a copy of the file it publishes (a
# sector code that does not exist, a withdrawn one, a date in the future, an unknown country), then
# validates it with --format html and has headless Chromium take a picture of the report.
# Needs the jar (mvn -B -q package -DskipTests) and Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -jar target/iatipub.jar publish --input docs/example/exports --output "$work/out" > /dev/null
sed -e 's|<sector code="11330" vocabulary="1"/>|<sector code="11331" vocabulary="1"/>|' \
    -e 's|<sector code="16010" vocabulary="1"/>|<sector code="11321" vocabulary="1"/>|' \
    -e 's|<recipient-country code="KE"/>|<recipient-country code="KX"/>|' \
    -e '0,/<activity-date iso-date="2025-01-01" type="1"\/>/s||<activity-date iso-date="2025-01-01" type="2"/>\n  <activity-date iso-date="2099-01-01" type="4"/>|' \
    "$work/out/example-exports.xml" > "$work/example-exports.xml"
java -jar target/iatipub.jar validate --format html --output "$work/report.html" "$work/example-exports.xml" || true
sed -i "s|$work/||g" "$work/report.html"
TMPDIR="$work" XDG_CONFIG_HOME="$work/config" chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --disable-breakpad --user-data-dir="$work/profile" --hide-scrollbars --window-size=1100,1500 \
  --screenshot="$PWD/docs/validate-report.png" "file://$work/report.html" 2> /dev/null
echo "docs/validate-report.png"
