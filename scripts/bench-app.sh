#!/usr/bin/env bash
# Measures the release app against a blank Tauri 2 window built the same way (bench/blank-window),
# interleaved in one run so the machine's noise cancels:
#   - time from launch to first content (Cadence: the week view showing the sample plan's posts;
#     blank: its page), reported by the page through the `ui_ready` command into $CADENCE_READY_FILE;
#   - memory after 10 s idle: PSS summed over the app and its WebKit processes;
#   - the release binary's size.
# Budgets (issue): start-up <= 1.5x blank, memory <= 1.3x blank, binary <= 20 MB. Exits 1 on a miss.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
IDLE=${IDLE:-10}

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" "$0" "$@"
fi

(cd ui && npm run build >/dev/null)
cargo build --release -q -p cadence -p cadence-app -p blank-window
T=${CARGO_TARGET_DIR:-target}
APP=$T/release/cadence-app
BLANK=$T/release/blank-window
CLI=$T/release/cadence
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

descendants() { # pid and all its descendants
  local p=$1; echo "$p"
  for c in $(pgrep -P "$p" || true); do descendants "$c"; done
}
pss_kb() { # summed PSS of a process tree, in kB
  local total=0 v
  for p in $(descendants "$1"); do
    v=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)
    total=$((total + ${v:-0}))
  done
  echo "$total"
}
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# One launch: prints "<ms to first content> <PSS kB after idle>".
measure() {
  local bin=$1 db=$2 ready="$work/ready.$RANDOM"
  rm -f "$ready"
  local t0; t0=$(now_ms)
  CADENCE_READY_FILE="$ready" CADENCE_DB="$db" "$bin" >/dev/null 2>&1 &
  local pid=$!
  local waited=0
  until [ -s "$ready" ]; do
    sleep 0.005; waited=$((waited + 5))
    if [ $waited -gt 30000 ]; then echo "no first content from $bin after 30 s" >&2; kill "$pid"; exit 1; fi
  done
  local t1; t1=$(now_ms)
  sleep "$IDLE"
  local pss; pss=$(pss_kb "$pid")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$((t1 - t0)) $pss"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

db="$work/cadence.db"
"$CLI" --db "$db" demo >/dev/null
# Warm the page cache for both binaries once.
measure "$BLANK" "$db" >/dev/null; measure "$APP" "$db" >/dev/null
: > "$work/app"; : > "$work/blank"
for i in $(seq "$RUNS"); do
  measure "$BLANK" "$db" >> "$work/blank"
  measure "$APP" "$db" >> "$work/app"
  echo "run $i: blank $(tail -1 "$work/blank"), cadence $(tail -1 "$work/app")  (ms, PSS kB)"
done
app_ms=$(cut -d' ' -f1 "$work/app" | median); blank_ms=$(cut -d' ' -f1 "$work/blank" | median)
app_kb=$(cut -d' ' -f2 "$work/app" | median); blank_kb=$(cut -d' ' -f2 "$work/blank" | median)
size=$(stat -c %s "$APP")
fail=0
check() { # name value budget
  if awk -v v="$2" -v b="$3" 'BEGIN {exit !(v <= b)}'; then echo "PASS $1: $2 <= $3"; else echo "FAIL $1: $2 > $3"; fail=1; fi
}
echo
echo "first content, median of $RUNS: cadence ${app_ms} ms, blank window ${blank_ms} ms"
echo "PSS after ${IDLE} s idle, median: cadence $((app_kb / 1024)) MiB, blank window $((blank_kb / 1024)) MiB"
echo "release binary: $(awk -v s="$size" 'BEGIN {printf "%.1f", s/1000000}') MB ($APP)"
check "start-up ratio" "$(awk -v a="$app_ms" -v b="$blank_ms" 'BEGIN {printf "%.2f", a/b}')" 1.5
check "memory ratio" "$(awk -v a="$app_kb" -v b="$blank_kb" 'BEGIN {printf "%.2f", a/b}')" 1.3
check "binary MB" "$(awk -v s="$size" 'BEGIN {printf "%.1f", s/1000000}')" 20
exit $fail
