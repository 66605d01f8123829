#!/usr/bin/env bash
# Every figure of docs/performance.md's table, measured in one run.
# Usage: scripts/bench-all.sh [WORK_DIR]   (needs ~25 GB free and ~30 min)
# Set SMALL=1 for a quick run at 10,000 / 20,000 projects; BIG_CACHE=FILE
# copies a cache already filled by `esf gen --db FILE --count 1000000 --seed 7`
# instead of filling one (about 20 minutes); the copy is what gets written.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-$(mktemp -d)}
mkdir -p "$work"
esf=target/release/esf
if [[ "${SMALL:-}" == 1 ]]; then import_n=10000; big_n=20000; else import_n=100000; big_n=1000000; fi

cargo build --release --quiet

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N); echo "$e - $s" | bc; }
ms_median() { for _ in 1 2 3; do seconds "$@"; done | median | awk '{printf "%.0f", $1*1000}'; }

echo "== parse and filter benchmarks (criterion)" >&2
cargo bench --quiet --bench parse 2>/dev/null | grep -A1 '^parse/' > "$work/parse.txt" || true
ESF_BENCH_SIZES="$import_n,$big_n" cargo bench --quiet --bench filter -- 'query/(i|in|inkl|inkluderande reh)$' 2>/dev/null > "$work/filter.txt" || true

echo "== import of $import_n generated files" >&2
rm -rf "$work/docs" "$work/import.sqlite"*
$esf gen --count "$import_n" --out "$work/docs" 2>/dev/null
first=$(seconds $esf --db "$work/import.sqlite" import "$work/docs")
again=$(for _ in 1 2 3; do seconds $esf --db "$work/import.sqlite" import "$work/docs"; done | median)
docs_mb=$(find "$work/docs" -type f -printf '%s\n' | awk '{s += $1} END {printf "%.0f", s / 1e6}')
cache_mb=$(du -cb "$work/import.sqlite"* | tail -1 | awk '{printf "%.0f", $1 / 1e6}')

echo "== a cache of $big_n projects" >&2
rm -f "$work/big.sqlite"*
if [[ -n "${BIG_CACHE:-}" ]]; then
    for part in "" -wal; do
        if [[ -e "$BIG_CACHE$part" ]]; then cp "$BIG_CACHE$part" "$work/big.sqlite$part"; fi
    done
    fill="(copied, not filled in this run)"
else
    fill=$(seconds $esf --db "$work/big.sqlite" gen --count "$big_n" --seed 7)
    fill="$(printf %.0f "$fill") s"
fi

echo "== the command line at $big_n, beside fzf" >&2
scripts/bench-commands.sh "$work/big.sqlite" > "$work/commands.md"

echo "== the browser in a pseudo-terminal" >&2
probe_import=$(python3 scripts/tui_probe.py $esf "$work/import.sqlite" 120 40 inkl)
probe_big=$(python3 scripts/tui_probe.py $esf "$work/big.sqlite" 120 40 inkl)

echo "== graph of the largest organisation" >&2
hub=$(sqlite3 "$work/big.sqlite" "SELECT name FROM organisations ORDER BY family_projects DESC LIMIT 1")
hub_share=$(sqlite3 "$work/big.sqlite" "SELECT round(100.0 * max(family_projects) / (SELECT count(*) FROM projects), 1) FROM organisations")
graph_ms=$(ms_median $esf --db "$work/big.sqlite" graph "$hub" --json)

echo "== an import of 100 new documents into the cache of $big_n" >&2
rm -rf "$work/hundred"
$esf gen --count 100 --out "$work/hundred" --seed 99 2>/dev/null
start=$(date +%s.%N)
/usr/bin/time -f '%M' -o "$work/hundred.rss" $esf --db "$work/big.sqlite" import "$work/hundred" >/dev/null 2>&1
hundred_s=$(echo "$(date +%s.%N) - $start" | bc)
hundred_mb=$(tail -1 "$work/hundred.rss" | awk '{printf "%.0f", $1 / 1024}')

field() { python3 -c "import json,sys; print(json.loads(sys.argv[1]).get(sys.argv[2], '?'))" "$1" "$2"; }
# The median of a criterion result (on the name's line, or the next).
criterion() {
    awk -v name="$1" '$0 ~ name { if ($0 !~ /time:/) getline; sub(/.*time: *\[/, ""); print $3, $4; exit }' "$2"
}

cat <<TABLE
| what | target | measured |
| --- | --- | --- |
| parse the 5 sample documents | — | $(awk '/time:/ {print $4, $5; exit}' "$work/parse.txt") |
| import, $import_n generated files (3–6 KB), with FTS | ≥ 10,000 documents/s | $(echo "$import_n / $first" | bc) documents/s ($(printf %.1f "$first") s) |
| cache size, $import_n generated files | ≤ 2 × the documents' bytes | $cache_mb MB of $docs_mb MB ($(echo "scale=2; $cache_mb / $docs_mb" | bc) ×) |
| re-import unchanged | ≤ 5 % of the first import | $(printf %.2f "$again") s ($(echo "scale=1; 100 * $again / $first" | bc) %) |
| search box, "inkl", $import_n projects | ≤ 16 ms | $(criterion "filter/$import_n/query/inkl( |\$)" "$work/filter.txt") |
| search box, "inkluderande reh", $import_n | ≤ 16 ms | $(criterion "filter/$import_n/query/inkluderande reh" "$work/filter.txt") |
| search box, "i" / "in", $import_n | ≤ 50 ms | $(criterion "filter/$import_n/query/i( |\$)" "$work/filter.txt") / $(criterion "filter/$import_n/query/in( |\$)" "$work/filter.txt") |
| search box, "inkl", $big_n | ≤ 100 ms | $(criterion "filter/$big_n/query/inkl( |\$)" "$work/filter.txt") |
| search box, "inkluderande reh", $big_n | ≤ 100 ms | $(criterion "filter/$big_n/query/inkluderande reh" "$work/filter.txt") |
| search box, "i" / "in", $big_n | ≤ 300 ms | $(criterion "filter/$big_n/query/i( |\$)" "$work/filter.txt") / $(criterion "filter/$big_n/query/in( |\$)" "$work/filter.txt") |
| keystroke echo / results while filtering, $big_n, in the browser | ≤ 16 ms | $(field "$probe_big" echo_ms) ms / $(field "$probe_big" results_ms) ms |
| first frame, $import_n / $big_n cache | ≤ 200 ms (1M) | $(field "$probe_import" first_frame_ms) ms / $(field "$probe_big" first_frame_ms) ms (every project in after $(field "$probe_import" all_loaded_ms) / $(field "$probe_big" all_loaded_ms) ms) |
| browser peak RSS, $import_n / $big_n | ≤ 300 MB (1M) | $(field "$probe_import" peak_rss_mb) MB / $(field "$probe_big" peak_rss_mb) MB |
| bytes written idle (2 s) / one j step / one k step, 120×40, $import_n / $big_n | 0 / ≤ 1 KB | $(field "$probe_import" idle_bytes_2s) / $(field "$probe_import" j_step_bytes) / $(field "$probe_import" k_step_bytes); $(field "$probe_big" idle_bytes_2s) / $(field "$probe_big" j_step_bytes) / $(field "$probe_big" k_step_bytes) |
| graph of the largest organisation ($hub, ${hub_share} % of projects), $big_n, whole process | ≤ 50 ms | ${graph_ms} ms |
| filling a $big_n-project cache directly (\`esf gen --db\`) | — | $fill |
| an import of 100 new documents into the cache of $big_n | ≤ 2 s, ≤ 300 MB | $(printf %.1f "$hundred_s") s, $hundred_mb MB |
TABLE
echo
cat "$work/commands.md"
