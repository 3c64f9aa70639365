#!/usr/bin/env sh
# Regenerate the translation sources (.ts) from every self.tr() / QCoreApplication.translate()
# call under ui/, fill in the English of english.py, then compile them (.qm) for the app (see
# build.py; `build.py --unfinished` lists the texts still without English). Run from anywhere;
# needs the project venv (pyside6-lupdate / pyside6-lrelease come with PySide6).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin="${VENV:-$root/.venv}/bin"
"$bin/python" "$here/build.py" --out "$here"
