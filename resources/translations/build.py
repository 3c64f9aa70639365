"""Regenerate the English translation: ``.ts`` from every ``tr()`` / ``translate()`` under ``ui/``
(pyside6-lupdate), the English texts of ``english.py`` filled in, then the ``.qm`` the app loads
(pyside6-lrelease).

    python resources/translations/build.py            # into resources/translations (update.sh)
    python resources/translations/build.py --out DIR  # elsewhere (the English walk test)
    python resources/translations/build.py --unfinished   # list the source texts without English

Run with the project venv's Python: the two tools come with PySide6, next to it.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

import english  # noqa: E402  (the table next to this file)


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: run with the project venv's Python")
    return found


def sources() -> list[str]:
    return sorted(str(path.relative_to(ROOT)) for path in (ROOT / "ui").rglob("*.py"))


def build(out: Path) -> tuple[Path, list[tuple[str, str, str]]]:
    """Writes ``out/oroshi_en.ts`` and ``out/oroshi_en.qm``; returns the .qm and the unfinished entries."""
    out.mkdir(parents=True, exist_ok=True)
    ts, qm = out / "oroshi_en.ts", out / "oroshi_en.qm"
    subprocess.run([_tool("pyside6-lupdate"), *sources(), "-source-language", "ja_JP", "-target-language", "en_US",
                    "-no-obsolete", "-silent", "-ts", str(ts)], cwd=ROOT, check=True, capture_output=True)
    left = english.unfinished(ts)
    english.apply(ts)
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True)
    return qm, left


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=HERE)
    parser.add_argument("--unfinished", action="store_true", help="only list the texts without English")
    args = parser.parse_args()
    if args.unfinished:
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            _qm, left = build(Path(folder))
    else:
        _qm, left = build(args.out)
    for context, place, source in left:
        print(f"{place}\t{context}\t{source!r}")
    print(f"{len(left)} source texts without English", file=sys.stderr)
    return 1 if args.unfinished and left else 0


if __name__ == "__main__":
    sys.exit(main())
