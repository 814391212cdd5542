#!/usr/bin/env bash
# Vendor the page's browser libraries from npm into src/fieldreport/api/static/vendor/.
# Runs `npm ci` (exact versions from package-lock.json, npm registry only) and copies just
# the files the page loads. The output folder is generated: it is not committed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../src/fieldreport/api/static/vendor"
cd "$here"

if ! command -v npm >/dev/null 2>&1; then
  echo "web/build.sh: npm is not installed (Debian: apt-get install npm)" >&2
  exit 1
fi
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

nm="$here/node_modules"
rm -rf "$out"
mkdir -p "$out/leaflet/images" "$out/markercluster" "$out/topojson-client" "$out/world-atlas"

cp "$nm/leaflet/dist/leaflet.js" "$nm/leaflet/dist/leaflet.css" "$nm/leaflet/LICENSE" "$out/leaflet/"
cp "$nm/leaflet/dist/images/"*.png "$out/leaflet/images/"
cp "$nm/leaflet.markercluster/dist/leaflet.markercluster.js" \
   "$nm/leaflet.markercluster/dist/MarkerCluster.css" \
   "$nm/leaflet.markercluster/dist/MarkerCluster.Default.css" \
   "$nm/leaflet.markercluster/MIT-LICENCE.txt" "$out/markercluster/"
cp "$nm/topojson-client/dist/topojson-client.min.js" "$nm/topojson-client/LICENSE" \
   "$out/topojson-client/"
cp "$nm/world-atlas/countries-110m.json" "$nm/world-atlas/LICENSE" "$out/world-atlas/"

# The minified files name their source maps; we ship no maps, so drop the comment.
for f in "$out/leaflet/leaflet.js" "$out/markercluster/leaflet.markercluster.js"; do
  sed -i '/^\/\/# sourceMappingURL=/d' "$f"
done
touch "$out/.built"
echo "web/build.sh: vendored $(find "$out" -type f | wc -l) files into ${out#"$here/../"}"
