#!/usr/bin/env bash
# Import throughput and re-import time on a synthetic batch made from the
# sample documents (each copy gets its own diarienummer and name).
# Usage: scripts/bench-import.sh [COUNT]   (default 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-20000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet
mkdir -p "$work/docs"
python3 - "$count" "$work/docs" <<'PY'
import sys, pathlib
count, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
seeds = sorted(pathlib.Path("assets/corpus").iterdir())
texts = [p.read_text(encoding="utf-8") for p in seeds]
for i in range(count):
    t = texts[i % len(texts)]
    t = t.replace("2015/00730", f"2015/{i:06d}").replace("2020/00551", f"2020/{i:06d}")
    t = t.replace("22-002-S07", f"22-{i:06d}-S07").replace("Inkluderande rehabilitering", f"Inkluderande rehabilitering {i}")
    t = t.replace("effektbutiken", f"effektbutiken {i}")
    sub = out / f"{i // 1000:03d}"
    sub.mkdir(exist_ok=True)
    (sub / f"doc{i:07d}.txt").write_text(t, encoding="utf-8")
PY
db="$work/cache.sqlite"
measure() {
    local start end
    start=$(date +%s.%N)
    target/release/esf --db "$db" import "$work/docs" >/dev/null
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}
first=$(measure)
again=$(measure)
printf 'documents:          %d\n' "$count"
printf 'first import:       %.2f s  (%.0f documents/s)\n' "$first" "$(echo "$count / $first" | bc -l)"
docs=$(find "$work/docs" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
cache=$(du -cb "$db"* | tail -1 | cut -f1)
printf 'cache size:          %.0f MB of %.0f MB of documents (%.2f ×)\n' "$(echo "$cache / 1000000" | bc -l)" "$(echo "$docs / 1000000" | bc -l)" "$(echo "$cache / $docs" | bc -l)"
printf 'unchanged re-import: %.2f s  (%.1f%% of the first)\n' "$again" "$(echo "100 * $again / $first" | bc -l)"
