#!/usr/bin/env bash
# Times `cadence backup` (SQLite's online backup API, checked copy) of a 100,000-post database.
# Usage: scripts/bench-backup.sh [RUNS]   (release build; prints each run and the median)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
cargo build --release -q -p cadence
bin=${CARGO_TARGET_DIR:-target}/release/cadence
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/cadence.db"
"$bin" bench --posts 100000 --plans 10 --years 5 --queries 10 --keep "$db" >/dev/null
echo "database: $(du -h "$db" | cut -f1), $(sqlite3 "$db" 'SELECT count(*) FROM posts') posts; load: $(cut -d' ' -f1-3 /proc/loadavg)"
times=()
for i in $(seq 1 "$runs"); do
  rm -f "$work/copy.db"
  t0=$(date +%s%N)
  "$bin" --db "$db" backup -o "$work/copy.db" >/dev/null
  t1=$(date +%s%N)
  ms=$(( (t1 - t0) / 1000000 ))
  times+=("$ms")
  echo "backup $i: $ms ms ($(du -h "$work/copy.db" | cut -f1))"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median backup of the 100,000-post database: $median ms"
