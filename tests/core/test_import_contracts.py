"""The import rules of ``docs/ARCHITECTURE.md`` are import-linter contracts in ``pyproject.toml``
(``[tool.importlinter]``): the layers ``ui → jobs → printables → oroshi_desktop``, the core without
Qt, Huey or ReportLab, no SQLAlchemy above the store (``ui``, ``printables``, ``jobs``, the CLI), no import cycle
inside any package. ``installer/dev.sh test`` (so CI) runs ``lint-imports`` before the suite; this test runs
the same contracts, so ``pytest`` alone catches a broken rule, and shows that they do catch one."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import tomli_w

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("oroshi_desktop", "jobs", "printables", "ui", "resources")


def lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` on the ``pyproject.toml`` of ``cwd``, its packages found there first."""
    code = "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports(no_cache=True, no_logo=True))"
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True,
                          env={"PYTHONPATH": str(cwd), "PATH": "", "NO_COLOR": "1", "COLUMNS": "200"}, timeout=120)


def test_the_code_keeps_every_contract():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def sample_tree(tmp_path: Path, modules: dict[str, str]) -> Path:
    """A tree with the app's package names and the app's contracts, holding only ``modules``."""
    for package in (*PACKAGES, "oroshi_desktop/cli"):  # every module a contract names
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text("")
    for name, source in modules.items():
        path = tmp_path / (name.replace(".", "/") + ".py")
        path.parent.mkdir(parents=True, exist_ok=True)
        (path.parent / "__init__.py").touch()
        path.write_text(source)
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    for contract in config["contracts"]:  # the exceptions name modules this tree lacks
        contract.pop("ignore_imports", None)
    (tmp_path / "pyproject.toml").write_text(tomli_w.dumps({"tool": {"importlinter": config}}))
    shutil.rmtree(tmp_path / "__pycache__", ignore_errors=True)
    return tmp_path


def broken_contracts(result: subprocess.CompletedProcess[str]) -> set[str]:
    return {line.removesuffix(" BROKEN").strip() for line in result.stdout.splitlines()
            if line.endswith(" BROKEN")}


def test_the_contracts_catch_each_kind_of_bad_import(tmp_path):
    tree = sample_tree(tmp_path, {
        "oroshi_desktop.rules": "def f():\n    import PySide6.QtCore\n",       # Qt in the core, lazily
        "printables.statement": "import jobs.queue.tasks\n",                         # a layer imported upwards
        "jobs.queue.tasks": "",
        "jobs.statements": "from jobs.queue.tasks import job\n",               # a use case that knows Huey
        "jobs.documents": "", "jobs.runtime": "", "jobs.lease": "",
        "ui.views": "from sqlalchemy import select\n",                          # SQL in the window
        "oroshi_desktop.cli.outbox": "from sqlalchemy import select\n",        # SQL in a CLI handler
        "ui.app": "import ui.i18n\n",                                           # a cycle inside ui
        "ui.i18n": "from ui.app import run\n",
    })
    result = lint_imports(tree)
    assert result.returncode != 0
    assert broken_contracts(result) == {
        "Layers: ui → jobs → printables → the core (the CLI may reach up)",
        "The core imports no Qt, Huey or ReportLab",
        "The office's work does not know Huey: the use cases never import the queue's plumbing",
        "SQL stays in the store: no SQLAlchemy in ui, printables, jobs or the CLI",
        "No import cycles between the modules of any package",
    }, result.stdout


def test_the_contracts_accept_imports_downwards(tmp_path):
    tree = sample_tree(tmp_path, {
        "oroshi_desktop.rules": "import sqlalchemy\n",
        "printables.statement": "import oroshi_desktop.rules\nimport reportlab\n",
        "jobs.queue.tasks": "import printables.statement\nimport huey\nimport jobs.statements\n",
        "jobs.statements": "import printables.statement\nimport jobs.runtime\n",
        "jobs.documents": "", "jobs.runtime": "import jobs.lease\n", "jobs.lease": "",
        "ui.views": "import jobs.queue.tasks\nimport PySide6\n",
    })
    result = lint_imports(tree)
    assert result.returncode == 0, result.stdout
