#!/usr/bin/env sh
# Regenerate the translation sources (.ts) from every self.tr() / QCoreApplication.translate()
# call under ui/, then compile them (.qm) for the app. Run from anywhere; needs the project venv
# (pyside6-lupdate / pyside6-lrelease come with PySide6). Edit the .ts with pyside6-linguist.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin="${VENV:-$root/.venv}/bin"
cd "$root"
files=$(find ui -name '*.py' | sort)
# shellcheck disable=SC2086
"$bin/pyside6-lupdate" $files -source-language ja_JP -target-language en_US -no-obsolete \
    -ts "$here/oroshi_en.ts"
"$bin/python" "$here/english.py" "$here/oroshi_en.ts"
"$bin/pyside6-lrelease" "$here/oroshi_en.ts" -qm "$here/oroshi_en.qm"
