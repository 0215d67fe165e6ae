#!/usr/bin/env bash
# Runs every test suite in order, keeps going after a failure, and ends with one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
failed=()
step() {
  local name=$1; shift
  echo; echo "==> $name: $*"
  local t0=$SECONDS
  if "$@"; then echo "<== $name ok ($((SECONDS - t0)) s)"; else echo "<== $name FAILED ($((SECONDS - t0)) s)"; failed+=("$name"); fi
}
ui_summary() {
  # Vitest's own summary is not read by CI: print a plain "N passed, N failed" line for it.
  local log; log=$(mktemp)
  (cd ui && NO_COLOR=1 npm test -- --reporter=default 2>&1) | sed 's/\x1b\[[0-9;]*m//g' | tee "$log"
  local rc=${PIPESTATUS[0]}
  local passed failed_n
  passed=$(grep -Eo 'Tests +[0-9]+ passed' "$log" | grep -Eo '[0-9]+' | head -1)
  failed_n=$(grep -Eo 'Tests +.*[0-9]+ failed' "$log" | grep -Eo '[0-9]+ failed' | grep -Eo '[0-9]+' | head -1)
  echo "vitest: ${passed:-0} passed, ${failed_n:-0} failed"
  rm -f "$log"
  return "$rc"
}
step "ui types"   bash -c "cd ui && npm run typecheck"
step "ui unit"    ui_summary
step "ui build"   bash -c "cd ui && npm run build"
step "ui browser" bash -c "cd ui && npm run test:browser"
step "rust fmt"   cargo fmt --all -- --check
step "clippy"     cargo clippy --workspace --all-targets -- -D warnings
step "ics parsers" tests/ics-parsers/setup.sh
step "rust tests" cargo test --workspace
step "app build"  cargo build -p cadence-app
step "e2e"        xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" node --test --test-concurrency=1 ui/e2e/
echo
if [ ${#failed[@]} -eq 0 ]; then
  echo "make test: every suite passed"
else
  echo "make test: FAILED suites: ${failed[*]}"
  exit 1
fi
