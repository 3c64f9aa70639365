"""SQL audit (issue 10 point 1, "every SQL statement is parameterised"): the source is read with
``ast`` and every raw-SQL call (``text(…)``, ``exec_driver_sql(…)``, ``execute(…)``,
``executemany(…)``, ``executescript(…)``) whose statement is built from strings at run time —
an f-string with a placeholder, ``%`` formatting, ``.format(…)``, ``+`` concatenation, or a local
variable assigned one of those in the same function — fails the test unless it is in the
reviewed allow-list below, each entry with the reason it is safe (identifiers or keywords from
code constants only; no value that a user, a setting or the database can supply).

The audit and what it cannot see are documented in ``docs/security.md``.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ("oroshi_desktop", "jobs", "printables", "ui", "installer", "bench", "tests/helpers")
SQL_CALLS = {"text", "exec_driver_sql", "execute", "executemany", "executescript", "literal_column", "DDL"}

# (file, enclosing function) → why the dynamic SQL there is safe. Reviewed by hand; keep it short.
ALLOWED: dict[tuple[str, str], str] = {
    ("oroshi_desktop/db/engine.py", "_sqlite_setup"):
        "BEGIN {mode}: SQLite's BEGIN takes no parameters; mode is checked against SQLITE_BEGIN_MODES "
        "(DEFERRED, IMMEDIATE, EXCLUSIVE) just before",
    ("bench/gui_orders.py", "bare_page"):
        "a benchmark, never shipped: LIMIT/OFFSET are the int PAGE and the loop's int offset; sql is "
        "the module's BARE template filled with dates and int() ids",
    ("tests/helpers/pgserver.py", "create_database"):
        "test helper: CREATE DATABASE takes no parameters; the name is made by the test code "
        "(uuid hex), quoted as an identifier",
    ("tests/helpers/pgserver.py", "drop_database"):
        "test helper: DROP DATABASE takes no parameters; the name is one create_database made",
}


@dataclass(frozen=True)
class Finding:
    path: str
    function: str
    line: int
    how: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line} in {self.function}(): SQL built with {self.how}"


def _dynamic(node: ast.expr) -> str | None:
    """How ``node`` builds a string at run time, or None when it is a constant (or not a string)."""
    if isinstance(node, ast.JoinedStr) and any(isinstance(v, ast.FormattedValue) for v in node.values):
        return "an f-string"
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant | ast.JoinedStr):
        return "% formatting"
    sides = (node.left, node.right) if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) else ()
    if any((isinstance(side, ast.Constant) and isinstance(side.value, str)) or _dynamic(side) for side in sides):
        return "+ concatenation"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return ".format()"
    return None


def _call_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _audit_function(path: str, name: str, body: ast.AST, findings: list[Finding]) -> int:
    assigned: dict[str, str] = {}
    for node in ast.walk(body):
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            how = _dynamic(node.value)
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if how and isinstance(target, ast.Name):
                    assigned[target.id] = how
    calls = 0
    for node in ast.walk(body):
        if not (isinstance(node, ast.Call) and _call_name(node) in SQL_CALLS and node.args):
            continue
        calls += 1
        first = node.args[0]
        how = _dynamic(first)
        if how is None and isinstance(first, ast.Name) and first.id in assigned:
            how = f"{assigned[first.id]} (via {first.id})"
        if how:
            findings.append(Finding(path, name, node.lineno, how))
    return calls


def audit(root: Path = ROOT) -> tuple[list[Finding], int, int]:
    """Every dynamic raw-SQL call under the scanned folders, the SQL calls seen, the files read."""
    findings: list[Finding] = []
    calls = files = 0
    for folder in SCANNED:
        for file in sorted((root / folder).rglob("*.py")):
            if ".venv" in file.parts:
                continue
            files += 1
            relative = file.relative_to(root).as_posix()
            tree = ast.parse(file.read_text(encoding="utf-8"), filename=relative)
            functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
            inner = {id(sub) for f in functions for sub in ast.walk(f) if sub is not f}
            # Each function once (nested ones inside their outer one), then module-level code.
            for function in functions:
                if id(function) not in inner:
                    calls += _audit_function(relative, function.name, function, findings)
            module_level = ast.Module(body=[n for n in tree.body if not isinstance(
                n, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)], type_ignores=[])
            calls += _audit_function(relative, "<module>", module_level, findings)
    return findings, calls, files


def test_every_sql_statement_is_parameterised() -> None:
    findings, calls, files = audit()
    unreviewed = [str(f) for f in findings if (f.path, f.function) not in ALLOWED]
    print(f"SQL audit: {files} files, {calls} raw SQL calls, {len(findings)} dynamic "
          f"({len(findings) - len(unreviewed)} reviewed)")
    assert not unreviewed, "SQL built from strings, not parameters:\n" + "\n".join(unreviewed)


def test_allow_list_has_no_stale_entries() -> None:
    """An entry whose code was fixed or moved must go, so the list stays the truth."""
    findings, _calls, _files = audit()
    assert set(ALLOWED) <= {(f.path, f.function) for f in findings}


def test_the_audit_catches_each_way_of_building_sql(tmp_path: Path) -> None:
    package = tmp_path / "oroshi_desktop"
    package.mkdir()
    (package / "bad.py").write_text(
        "from sqlalchemy import text\n"
        "def a(conn, name):\n    conn.execute(text(f'SELECT * FROM t WHERE name = {name}'))\n"
        "def b(conn, name):\n    conn.exec_driver_sql('DELETE FROM t WHERE id = %s' % name)\n"
        "def c(cur, name):\n    cur.execute('SELECT {}'.format(name))\n"
        "def d(cur, name):\n    sql = 'SELECT ' + name\n    cur.execute(sql)\n"
        "def ok(conn, name):\n    conn.execute(text('SELECT * FROM t WHERE name = :n'), {'n': name})\n",
        encoding="utf-8")
    findings, calls, _files = audit(tmp_path)
    assert sorted(f.function for f in findings) == ["a", "b", "c", "d"] and calls == 7
