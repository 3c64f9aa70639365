"""``oroshi-desktop --self-test [--json]``: does this installation work, on this PC, right now?

Run by support on an office PC and by CI on the frozen bundle. Everything happens in a temporary
``OROSHI_HOME`` with every other ``OROSHI_*`` setting cleared, so the check never touches the
user's database, queue or mail server (no mail can go out: no SMTP server is configured there).
Only the keyring check uses the user's real keyring backend, with a probe entry it deletes again.

One line per check, a non-zero exit when any check fails; ``--json`` prints one JSON object for a
support ticket instead. Each check runs on its own: a failure is recorded with its reason and the
next check still runs (a check that needs an earlier one says it was skipped, and why).
"""

from __future__ import annotations

import json
import os
import platform
import secrets as random_secrets
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from oroshi_desktop import __version__

PROBE_SERVICE_KEY_PREFIX = "self-test-probe:"
JOB_TIMEOUT_SECONDS = 60.0
# Qt's platform plugins that draw on a real screen (the others are headless or embedded-only).
NATIVE_PLATFORM_PLUGINS = ("xcb", "wayland", "windows", "cocoa")
# The plugin folders the app needs (a development install has many more; the bundle keeps these).
REPORTED_PLUGIN_FOLDERS = ("platforms", "platformthemes", "styles", "printsupport", "imageformats", "iconengines")


class CheckFailed(Exception):
    """A check's one-line reason for failing."""


@dataclass
class CheckResult:
    name: str
    ok: bool
    detail: str
    seconds: float


@dataclass
class SelfTestContext:
    """What the checks share: the temporary home, the settings there and the demo database."""

    home: Path
    settings: Any = None
    database: Any = None
    app: Any = None
    pdf_dir: Path = field(default_factory=Path)


# ---- the checks ----------------------------------------------------------------------------------

def check_qt(ctx: SelfTestContext) -> str:
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtGui import QGuiApplication

    ctx.app = QGuiApplication.instance() or QGuiApplication([sys.argv[0] if sys.argv else "oroshi-desktop"])
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    found = {folder.name: sorted(p.stem.removeprefix("lib") for p in folder.iterdir() if p.is_file())
             for folder in plugins.iterdir() if folder.is_dir()} if plugins.is_dir() else {}
    native = [name for name in found.get("platforms", []) if any(n in name for n in NATIVE_PLATFORM_PLUGINS)]
    if not native:
        raise CheckFailed(f"no platform plugin for a real screen in {plugins} (found: "
                          f"{', '.join(found.get('platforms', [])) or 'none'})")
    return (f"Qt {QLibraryInfo.version().toString()}, running on '{QGuiApplication.platformName()}'; "
            f"plugins: {', '.join(f'{k} ({len(found[k])})' for k in REPORTED_PLUGIN_FOLDERS if k in found)}; "
            f"screen: {', '.join(native)}")


def check_fonts(ctx: SelfTestContext) -> str:
    from printables.fonts import FONT_DIR, FONT_FILES, register_fonts

    register_fonts()
    from PySide6.QtGui import QFontDatabase

    from ui.app import UI_FONT_FILE

    font_id = QFontDatabase.addApplicationFont(str(FONT_DIR / UI_FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise CheckFailed(f"Qt cannot load the window font {FONT_DIR / UI_FONT_FILE}")
    return f"{len(FONT_FILES)} PDF fonts registered from {FONT_DIR}; window font '{families[0]}'"


def check_translations(ctx: SelfTestContext) -> str:
    from importlib import resources

    from PySide6.QtCore import QLibraryInfo, QTranslator

    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    qt_file = qt_dir / "qtbase_ja.qm"
    if not QTranslator().load(str(qt_file)):
        raise CheckFailed(f"Qt's Japanese translation does not load: {qt_file}")
    app_dir = Path(str(resources.files("resources") / "translations"))
    app_files = sorted(app_dir.glob("*.qm")) if app_dir.is_dir() else []
    bad = [p.name for p in app_files if not QTranslator().load(str(p))]
    if bad:
        raise CheckFailed(f"translation files that do not load: {', '.join(bad)} (in {app_dir})")
    app_text = (f"{len(app_files)} app translation(s): {', '.join(p.name for p in app_files)}" if app_files
                else "no app translations bundled yet (resources/translations/*.qm)")
    return f"qtbase_ja.qm loads; {app_text}"


def check_database(ctx: SelfTestContext) -> str:
    from oroshi_desktop.config import load_settings
    from oroshi_desktop.db import schema
    from oroshi_desktop.db.engine import open_database
    from oroshi_desktop.demo import generate_demo

    ctx.settings = load_settings()
    if not ctx.settings.is_embedded_database:
        raise CheckFailed("the temporary home did not get the embedded database")
    ctx.database = open_database(ctx.settings.effective_database_url)
    ctx.database.ping()
    schema.upgrade(ctx.database)
    summary = generate_demo(ctx.database)
    problems = schema.check(ctx.database)
    if problems:
        raise CheckFailed("; ".join(p.describe() for p in problems[:3]))
    return f"embedded SQLite created, schema {schema.current_revision(ctx.database)}, {summary.total:,} demo rows"


def _demo_choices(ctx: SelfTestContext) -> dict[str, Any]:
    """Ids of the demo data every document is rendered for (the first of each kind)."""
    from oroshi_desktop.demo.generate import first_records

    choices = ctx.database.reading(first_records)
    if choices is None:
        raise CheckFailed("the demo data has no statement run (invoice)")
    return choices


def document_checks() -> list[tuple[str, Callable[[SelfTestContext], str]]]:
    """One check per document: rendered by the functions the jobs call, then opened by QtPdf."""
    from jobs import documents as pdfs

    def today(ctx: SelfTestContext) -> Any:
        return datetime.now(ctx.settings.tz).date()

    cases: list[tuple[str, str, str, Callable[[SelfTestContext, dict[str, Any]], bytes], str]] = [
        ("statement", "支払明細書（組織・パスワード付き）", "支払明細書",
         lambda c, d: pdfs.statement_pdf(c.database, invoice_id=d["invoice"], organization_id=d["organization"],
                                              fmt="organization", password=d["password"], tz=c.settings.tz), "pw"),
        ("statement-supplier", "支払明細書（生産者・標準）", "支払明細書",
         lambda c, d: pdfs.statement_pdf(c.database, invoice_id=d["invoice"], organization_id=d["organization"],
                                              fmt="supplier", layout="standard", tz=c.settings.tz), ""),
        ("preview", "支払明細書 見本", "見本",
         lambda c, d: pdfs.preview_pdf(c.database, start=d["start"], end=d["end"],
                                            organization_id=d["organization"], fmt="organization",
                                            layout="simple"), ""),
        ("shipping-chart", "出荷表", "出荷表",
         lambda c, d: pdfs.shipping_chart_pdf(c.database, day=today(c), carrier_id=d["carrier"]), ""),
        ("packing-slips", "卸先用出荷表", "卸先用出荷表",
         lambda c, d: pdfs.packing_slips_pdf(c.database, day=today(c), carrier_id=d["carrier"]), ""),
        ("shipping-list", "まとめた出荷明細表", "まとめた出荷明細表",
         lambda c, d: pdfs.shipping_list_pdf(c.database, day=today(c)), ""),
        ("check-sheet", "供給・受入チェック表", "供給・受入チェック表",
         lambda c, d: pdfs.check_sheet_pdf(c.database, day=d["supply_day"], prefecture_ids=[d["prefecture"]],
                                                reception_time_ids=[d["reception_time"]]), ""),
    ]

    def make(slug: str, label: str, expected: str, render: Callable[..., bytes], pw: str) -> Callable[..., str]:
        def check(ctx: SelfTestContext) -> str:
            if ctx.database is None:
                raise CheckFailed("skipped: the database check failed")
            choices = _demo_choices(ctx)
            choices["password"] = random_secrets.token_hex(4) if pw else None
            started = time.perf_counter()
            pdf = render(ctx, choices)
            rendered = time.perf_counter() - started
            path = ctx.pdf_dir / f"{slug}.pdf"
            path.write_bytes(pdf)
            pages, text = open_in_qtpdf(path, choices["password"] or "")
            if expected not in text:
                raise CheckFailed(f"{label}: QtPdf opened {pages} page(s) but found no '{expected}' in the text")
            protected = ", password-protected" if pw else ""
            return f"{label}: {len(pdf):,} bytes, {pages} page(s){protected}, rendered in {rendered:.2f} s"
        return check

    return [(f"document {slug}", make(slug, label, expected, render, pw))
            for slug, label, expected, render, pw in cases]


def open_in_qtpdf(path: Path, password: str = "") -> tuple[int, str]:
    """Open a PDF with Qt's PDF module (what the app's viewer uses) and return its pages and text."""
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    if password:
        document.setPassword(password)
    error = document.load(str(path))
    if error != QPdfDocument.Error.None_:
        raise CheckFailed(f"QtPdf cannot open {path.name}: {error.name}")
    try:
        if document.pageCount() < 1:
            raise CheckFailed(f"QtPdf opened {path.name} but it has no pages")
        return document.pageCount(), "".join(document.getAllText(p).text() for p in range(document.pageCount()))
    finally:
        document.close()


def check_queue(ctx: SelfTestContext) -> str:
    from jobs.queue.consumer import JobQueue
    from oroshi_desktop.ledger import DONE, FAILED

    if ctx.database is None:
        raise CheckFailed("skipped: the database check failed")
    # embedded=True: the consumer leaves this process's signal handlers alone, as in the window.
    queue = JobQueue(ctx.settings, database=ctx.database, embedded=True, workers=1, max_delay=0.1)
    started = time.perf_counter()
    queue.start()
    try:
        job_id = queue.tasks.enqueue_order_document("shipping_list", day=datetime.now(ctx.settings.tz).date(),
                                                    carrier_id=None)
        deadline = time.monotonic() + JOB_TIMEOUT_SECONDS
        job = queue.runtime.ledger.get(job_id)
        while job.state not in (DONE, FAILED) and time.monotonic() < deadline:
            time.sleep(0.05)
            job = queue.runtime.ledger.get(job_id)
    finally:
        queue.stop(graceful=True)
    if job.state != DONE:
        raise CheckFailed(f"job {job_id} ended {job.state}: {job.error or job.message}")
    output = Path(job.output_path or "")
    if not output.is_file() or not output.read_bytes().startswith(b"%PDF"):
        raise CheckFailed(f"job {job_id} is done but wrote no PDF ({output})")
    return (f"consumer started, ran job {job_id} (まとめた出荷明細表) and stopped in "
            f"{time.perf_counter() - started:.2f} s")


def keyring_backend_name(backend: Any) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def check_keyring(ctx: SelfTestContext) -> str:
    import keyring
    from keyring.backends import fail, null

    from oroshi_desktop import secrets

    backend = keyring.get_keyring()
    name = keyring_backend_name(backend)
    if isinstance(backend, fail.Keyring | null.Keyring):
        raise CheckFailed(f"backend {name} cannot keep passwords: no OS keyring was found (Windows Credential "
                          "Locker, macOS Keychain or a Secret Service such as gnome-keyring), or "
                          "PYTHON_KEYRING_BACKEND / keyringrc.cfg chose it")
    key = PROBE_SERVICE_KEY_PREFIX + random_secrets.token_hex(8)
    probe = random_secrets.token_urlsafe(16)
    try:
        secrets.set_secret(key, probe)
        read_back = secrets.get_secret(key)
    finally:
        secrets.delete_secret(key)
    if read_back != probe:
        raise CheckFailed(f"backend {name} stored a probe secret but gave back "
                          f"{'nothing' if read_back is None else 'a different value'}")
    if secrets.get_secret(key) is not None:
        raise CheckFailed(f"backend {name} still has the probe secret after deleting it")
    return f"backend {name}: a probe secret was stored, read back and deleted"


CHECKS: list[tuple[str, Callable[[SelfTestContext], str]]] = [
    ("qt", check_qt),
    ("fonts", check_fonts),
    ("translations", check_translations),
    ("database", check_database),
]


def all_checks() -> list[tuple[str, Callable[[SelfTestContext], str]]]:
    return [*CHECKS, *document_checks(), ("queue", check_queue), ("keyring", check_keyring)]


# ---- running them --------------------------------------------------------------------------------

@contextmanager
def isolated_environment(home: Path) -> Iterator[None]:
    """``OROSHI_HOME`` pointing at ``home``, every other ``OROSHI_*`` setting cleared, and Qt headless
    unless a platform was chosen; the environment is restored afterwards."""
    saved = dict(os.environ)
    try:
        for name in [n for n in os.environ if n.startswith("OROSHI_")]:
            del os.environ[name]
        os.environ["OROSHI_HOME"] = str(home)
        # The self-test never shows a window, so it needs no display on any system.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def run_checks(checks: list[tuple[str, Callable[[SelfTestContext], str]]] | None = None,
               on_result: Callable[[CheckResult], None] | None = None) -> list[CheckResult]:
    results: list[CheckResult] = []
    with tempfile.TemporaryDirectory(prefix="oroshi-self-test-", ignore_cleanup_errors=True) as tmp:
        home = Path(tmp)
        ctx = SelfTestContext(home=home, pdf_dir=home / "pdf")
        ctx.pdf_dir.mkdir()
        with isolated_environment(home):
            try:
                for name, check in checks or all_checks():
                    started = time.perf_counter()
                    try:
                        ok, detail = True, check(ctx)
                    except CheckFailed as failed:
                        ok, detail = False, str(failed)
                    except Exception as err:  # any failure is this check's result, never a traceback
                        first = (str(err).strip().splitlines() or [""])[0]
                        ok, detail = False, f"{type(err).__name__}: {first}"
                    result = CheckResult(name, ok, detail, round(time.perf_counter() - started, 3))
                    results.append(result)
                    if on_result is not None:
                        on_result(result)
            finally:
                if ctx.database is not None:
                    ctx.database.dispose()
    return results


def report(results: list[CheckResult]) -> dict[str, Any]:
    return {
        "ok": all(r.ok for r in results),
        "version": __version__,
        "frozen": bool(getattr(sys, "frozen", False)),
        "executable": sys.executable,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "checks": [asdict(r) for r in results],
    }


def print_line(result: CheckResult) -> None:
    print(f"{'ok  ' if result.ok else 'FAIL'}  {result.name}: {result.detail}", flush=True)


def run_self_test(*, as_json: bool = False) -> int:
    """The command: one line per check (or one JSON object); exit 1 when any check failed."""
    results = run_checks(on_result=None if as_json else print_line)
    summary = report(results)
    if as_json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        failed = [r.name for r in results if not r.ok]
        print(f"self-test {'passed' if not failed else 'FAILED'}: {len(results) - len(failed)} of "
              f"{len(results)} checks passed" + (f" (failed: {', '.join(failed)})" if failed else ""))
    return 0 if summary["ok"] else 1


def add_self_test_options(parser: Any) -> None:
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation in a temporary folder (database, documents, queue, "
                             "keyring, fonts, translations) and exit")
    parser.add_argument("--json", action="store_true", help="with --self-test: print the results as JSON")
