#!/usr/bin/env bash
# Regenerate installer/requirements.lock: every dependency of the app, its tests and tools, pinned
# with hashes for Linux, Windows and macOS (uv's universal resolution). dev.sh, CI and the bundle
# build install exactly this set. Update after changing a range in pyproject.toml:
#   installer/lock.sh            (then commit installer/requirements.lock)
set -euo pipefail
cd "$(dirname "$0")/.."
uv="${UV:-uv}"
if ! command -v "$uv" >/dev/null 2>&1; then
  python3 -m venv .venv-lock && .venv-lock/bin/pip install -q uv && uv=.venv-lock/bin/uv
fi
"$uv" pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes \
  --extra test --extra dev --extra redis --no-header --quiet -o installer/requirements.lock
echo "installer/requirements.lock: $(grep -c '==' installer/requirements.lock) packages"
