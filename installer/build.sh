#!/usr/bin/env bash
# Build the one-folder bundle dist/oroshi-desktop/ from the locked dependencies (installer/requirements.lock,
# every file hash-checked, through installer/dev.sh venv), report its size, and run its self-test.
#   installer/build.sh                 build into dist/, then dist/oroshi-desktop/oroshi-desktop --self-test
#   OROSHI_BUILD_DIST=DIR installer/build.sh      build elsewhere (the CI test builds into its tmp folder)
#   OROSHI_BUILD_SELF_TEST=0 installer/build.sh   skip the self-test (e.g. no keyring on a build server)
# PyInstaller bundles for the system it runs on: build the Windows and macOS bundles on those systems
# with the same spec (recipe in docs/manual/install-guide.md).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
"$here/installer/dev.sh" venv
python="$here/.venv/bin/python"
dist="${OROSHI_BUILD_DIST:-$here/dist}"
work="${OROSHI_BUILD_WORK:-$here/build/pyinstaller}"

started=$(date +%s)
"$python" -m PyInstaller --noconfirm --clean --log-level "${OROSHI_BUILD_LOG_LEVEL:-WARN}" \
  --distpath "$dist" --workpath "$work" "$here/installer/oroshi-desktop.spec"
bundle="$dist/oroshi-desktop"
# Linux menu entry: the .desktop file and its installer go beside the programs (run
# ./install-desktop-entry.sh in the folder once it is where it will stay; docs/manual/運用ガイド.md).
if [ "$(uname -s)" = "Linux" ]; then
  cp "$here/installer/linux/oroshi-desktop.desktop" "$here/installer/linux/install-desktop-entry.sh" "$bundle/"
fi
echo "bundle: $bundle"
echo "built in $(( $(date +%s) - started )) s; size $(du -sh "$bundle" | cut -f1)," \
  "$(find "$bundle" -type f | wc -l | tr -d ' ') files"

if [ "${OROSHI_BUILD_SELF_TEST:-1}" != "0" ]; then
  "$bundle/oroshi-desktop" --self-test
fi
