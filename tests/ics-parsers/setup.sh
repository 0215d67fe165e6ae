#!/usr/bin/env bash
# Installs the independent iCalendar parsers that tests/ics_parsers.rs runs on Cadence's exports:
#   - ical.js (npm, the parser Thunderbird uses) into tests/ics-parsers/node_modules, from the
#     committed package-lock.json (`npm ci` only when node_modules is missing or older than the lock);
#   - Python's icalendar (pip, pinned) into a venv at target/pyenv.
# Idempotent and fast when everything is already there. Needs node/npm and python3 with venv
# (Debian: nodejs npm python3 python3-venv).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
ICALENDAR_VERSION=7.3.0

command -v node >/dev/null || { echo "setup.sh: Node.js is required (Debian: apt-get install nodejs npm)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "setup.sh: python3 is required (Debian: apt-get install python3 python3-venv)" >&2; exit 1; }

if [ ! -f "$here/node_modules/.package-lock.json" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
  touch "$here/node_modules/.package-lock.json"
fi

venv="$root/target/pyenv"
if ! "$venv/bin/python" -c "import icalendar, sys; sys.exit(icalendar.__version__ != '$ICALENDAR_VERSION')" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "icalendar==$ICALENDAR_VERSION"
fi

echo "ics parsers ready: ical.js $(node -p "require('$here/node_modules/ical.js/package.json').version"), icalendar $("$venv/bin/python" -c 'import icalendar; print(icalendar.__version__)')"
