"""Benchmark: the real statement mail check sending N due organizations, against a bare smtplib loop.

    python bench/mail_check.py --organizations 200 [--database postgresql] [--profile out.prof]

Builds a temporary SQLite database (or, with ``--database postgresql``, a database on a throwaway
PostgreSQL cluster started like the test suite's) with one due statement run of N organizations (each with a mail
address and two small stored PDFs with passwords), starts a local aiosmtpd server, times the
preparation (each mail composed once, its bytes stored) and then ``jobs.statements.check_and_send``
sending the prepared rows. Then the same bytes go out through a bare smtplib loop, over one
connection (the target: the mail check ≤ 1.5× this) and over a connection per message. Last line:
``mails_per_s=<number>`` (the mail check of prepared rows).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import smtplib
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
# ``--before``: the code measured is that of the tree named here (this script's own figures and lines).
sys.path.insert(0, os.environ.get("OROSHI_BENCH_TREE") or str(ROOT))


def build(db, organizations: int) -> int:
    from oroshi_desktop.db.types import utcnow
    from tests.core.outbox_fixtures import add_company, add_organization, run_for_organizations

    add_company(db)
    org_ids = [add_organization(db, entity_name=f"北海水産{n:03d}協同組合", micro_region="札幌市", subregion_id=1,
                                email=f"org{n:03d}@example.jp") for n in range(organizations)]
    return run_for_organizations(db, org_ids, send_at=utcnow() - timedelta(minutes=5))


def bare_send_message_loop(host: str, port: int, messages: list) -> float:
    """smtplib's own ``send_message`` over one connection: it flattens each EmailMessage itself."""
    started = time.perf_counter()
    with smtplib.SMTP(host, port, timeout=10) as smtp:
        for message in messages:
            smtp.send_message(message)
    return time.perf_counter() - started


def composed_loop(db, host: str, port: int) -> float:
    """The same mails composed by the app's own compose function from the same PDFs (already in
    memory) and sent with smtplib's ``send_message`` over one connection: everything the mail check
    does except the outbox (claims, frozen-hash checks, state writes) and the database."""
    from sqlalchemy import select

    from oroshi_desktop.db.models import Invoice, InvoiceSupplierOrganization, OutboxMessage, StoredDocument
    from oroshi_desktop.mail.compose import MailAttachment, Recipients, compose_statement_mail
    from oroshi_desktop.mail.outbox import _mail_organization, _organization
    from oroshi_desktop.queries.preferences import load_company

    jobs = []
    with db.read() as session:
        company = load_company(session)
        for row in session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)):
            iso = session.get(InvoiceSupplierOrganization, row.invoice_supplier_organization_id)
            invoice = session.get(Invoice, row.invoice_id)
            attachments = [MailAttachment(d["filename"], session.get(StoredDocument, d["id"]).content,
                                          str(iso.passwords[str(d["id"])])) for d in row.documents]
            jobs.append(dict(company=company, organization=_mail_organization(_organization(session, iso)),
                             start=invoice.start_date, end=invoice.end_date, attachments=attachments,
                             password_delivery=row.recipients.get("password_delivery", "same_mail"),
                             message_id=row.message_id, recipients=Recipients.from_json(row.recipients)))
    started = time.perf_counter()
    with smtplib.SMTP(host, port, timeout=10) as smtp:
        for job in jobs:
            for message in compose_statement_mail(**job):
                smtp.send_message(message)
    return time.perf_counter() - started


def bare_loop(host: str, port: int, mails: list, *, reuse: bool) -> float:
    started = time.perf_counter()
    smtp = smtplib.SMTP(host, port, timeout=10) if reuse else None
    for mail in mails:
        connection = smtp or smtplib.SMTP(host, port, timeout=10)
        connection.sendmail(mail.mail_from, mail.rcpt_tos, mail.content)
        if not reuse:
            connection.quit()
    if smtp is not None:
        smtp.quit()
    return time.perf_counter() - started


def timed_check(runtime, db, n: int, sender: str, profiler: cProfile.Profile | None) -> float:
    from jobs.statements import check_and_send

    started = time.perf_counter()
    transport = runtime.transport()
    # One connection for the whole batch, like the baseline it is compared with (the app
    # reconnects every 100 messages; against aiosmtpd a new connection costs 0.2–0.4 s).
    transport.max_messages_per_connection = n
    try:
        if profiler is not None:
            profiler.enable()
        summary = check_and_send(db, transport, tz=ZoneInfo("Asia/Tokyo"), sender=sender)
    finally:
        if profiler is not None:
            profiler.disable()
        transport.close()
    elapsed = time.perf_counter() - started
    assert summary.ok and summary.sent == n, summary.describe()
    return elapsed


def make_pending_again(db) -> None:
    """Benchmark only: the sent rows, their organization rows and the run become unsent again, so
    the same prepared rows (same fingerprints, same stored bytes) can be sent once more."""
    from sqlalchemy import update

    from oroshi_desktop.db.models import Invoice, InvoiceSupplierOrganization, OutboxMessage

    with db.write() as session:
        session.execute(update(OutboxMessage).values(state="pending", sent_at=None, claimed_by=None,
                                                     claimed_at=None, parts_sent=0))
        session.execute(update(InvoiceSupplierOrganization).values(sent_at=None))
        session.execute(update(Invoice).values(sent_at=None))


def timed_send_loop(runtime, db, n: int, profile: str | None = None) -> tuple[float, float]:
    """The send loop alone (``deliver_rows`` of the prepared rows, one SMTP connection): wall and
    CPU seconds. No recovery, due-run query or preparation re-check around it, as in the issue's
    "send loop of 200 prepared mails". ``profile``: a cProfile of every thread the loop runs
    (the sending thread and the database thread), merged into that file."""
    import threading

    from sqlalchemy import select

    from oroshi_desktop.db.models import OutboxMessage
    from oroshi_desktop.mail.outbox.delivery import deliver_rows

    make_pending_again(db)
    with db.read() as session:
        row_ids = list(session.scalars(select(OutboxMessage.id).order_by(OutboxMessage.id)))
    transport = runtime.transport()
    transport.max_messages_per_connection = n
    profilers: list[cProfile.Profile] = []

    def profile_thread(*_args) -> None:  # a new thread's first event: a profiler of its own
        threading.setprofile(None)
        sys.setprofile(None)
        profilers.append(cProfile.Profile())
        profilers[-1].enable()

    if profile:
        threading.setprofile(profile_thread)
        profilers.append(cProfile.Profile())
        profilers[0].enable()
    started, cpu = time.perf_counter(), time.process_time()
    try:
        results = deliver_rows(db, row_ids, transport)
    finally:
        transport.close()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    if profile:
        threading.setprofile(None)
        for profiler in profilers:
            profiler.disable()
        import pstats

        stats = pstats.Stats(profilers[0])
        for profiler in profilers[1:]:
            stats.add(profiler)
        stats.dump_stats(profile)
    assert sum(r.status.value == "sent" for r in results) == len(row_ids), results[:3]
    return elapsed, cpu


def send_loop_pairs(db, settings, mails: list, n: int, repeat: int, profile: str | None = None) -> str:
    """``repeat`` alternating pairs of the send loop and the bare ``sendmail`` loop, each against a
    fresh server; the summary line (ratios per pair, medians)."""
    from jobs.runtime import Runtime
    from oroshi_desktop.config import with_smtp
    from tests.helpers.smtp_server import HOST, SmtpTestServer

    loop: list[tuple[float, float]] = []
    bare: list[tuple[float, float]] = []
    for _ in range(repeat):
        with SmtpTestServer.running() as server:
            runtime = Runtime(with_smtp(settings, port=server.port), db=db)
            loop.append(timed_send_loop(runtime, db, n))
            runtime.close()
        if profile and not loop[1:]:  # profiled once, after the first timed loop, not in the figures
            with SmtpTestServer.running() as server:
                runtime = Runtime(with_smtp(settings, port=server.port), db=db)
                timed_send_loop(runtime, db, n, profile)
            runtime.close()
        with SmtpTestServer.running() as server:
            cpu = time.process_time()
            bare.append((bare_loop(HOST, server.port, mails, reuse=True), time.process_time() - cpu))
    ratios = sorted(a[0] / b[0] for a, b in zip(loop, bare, strict=True))
    wall = statistics.median(t for t, _ in loop)
    return (f"send loop alone (deliver_rows, {n} prepared mails) {wall:.3f} s = {n / wall:.1f} mails/s; "
            f"bare sendmail {statistics.median(t for t, _ in bare):.3f} s; {repeat} pairs: ratio per pair "
            f"{ratios[0]:.2f}–{ratios[-1]:.2f}x, median {statistics.median(ratios):.2f}x; CPU "
            f"{statistics.median(c for _, c in loop):.3f} / {statistics.median(c for _, c in bare):.3f} s")


@contextmanager
def _database_url(kind: str, tmp: str) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        return
    from tests.helpers.pgserver import PgServer

    server = PgServer.start()
    try:
        yield server.create_database("bench_mail")
    finally:
        server.stop()


_FIGURES = {  # what compare_trees reads of each child's summary lines: (line start, the figure's pattern)
    "preparation s": ("preparation (compose once", r" in ([0-9.]+) s"),
    "preparation CPU s": ("preparation CPU time:", r": ([0-9.]+) s"),
    "mail check s": ("mail check (check_and_send)", r" in ([0-9.]+) s"),
    "preparation + mail check / bare": ("preparation + mail check:", r"= ([0-9.]+)x"),
}
_SEND_LOOP_FIGURES = {  # with --send-loop: the send loop alone, its median ratio to the bare loop, its CPU
    "send loop s": ("send loop alone", r"mails\) ([0-9.]+) s"),
    "send loop / bare": ("send loop alone", r"median ([0-9.]+)x"),
    "send loop CPU s": ("send loop alone", r"CPU ([0-9.]+) /"),
}


def compare_trees(args: argparse.Namespace) -> int:
    """This benchmark on the code of ``--before`` and of this tree, alternately; medians of each and
    the ratio after / before of the preparation."""
    import re
    import subprocess

    child_args = [sys.executable, str(Path(__file__).resolve()), "--organizations", str(args.organizations),
                  "--database", args.database, "--repeat", str(args.repeat), "--skip-composed",
                  "--skip-per-connection"]
    wanted = dict(_FIGURES)
    if args.send_loop:
        child_args += ["--send-loop", str(args.send_loop)]
        wanted.update(_SEND_LOOP_FIGURES)
    figures: dict[str, dict[str, list[float]]] = {"before": {}, "after": {}}
    with tempfile.TemporaryDirectory(prefix="oroshi-bench-before-") as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.before], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        for _ in range(args.before_runs):
            for name, tree in (("before", tmp), ("after", str(ROOT))):
                out = subprocess.run(child_args, env={**os.environ, "OROSHI_BENCH_TREE": tree}, check=True,
                                     capture_output=True, text=True).stdout
                for key, (start, pattern) in wanted.items():
                    line = next(line for line in out.splitlines() if line.startswith(start))
                    figures[name].setdefault(key, []).append(float(re.findall(pattern, line)[0]))
    for name, found in figures.items():
        print(f"{name} ({args.before if name == 'before' else 'this tree'}): " + "; ".join(
            f"{key} {', '.join(f'{v:.3f}' for v in values)} (median {statistics.median(values):.3f})"
            for key, values in found.items()))
    for key in ("preparation s", "preparation CPU s", "mail check s"):
        ratio = statistics.median(figures["after"][key]) / statistics.median(figures["before"][key])
        print(f"{key}: after / before of the medians {ratio:.2f}x")
    if args.send_loop:
        ratio = statistics.median(figures["after"]["send loop s"]) / statistics.median(figures["before"]["send loop s"])
        print(f"send loop s: after / before of the medians {ratio:.2f}x; send loop / bare, medians: before "
              f"{statistics.median(figures['before']['send loop / bare']):.2f}x, after "
              f"{statistics.median(figures['after']['send loop / bare']):.2f}x")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organizations", type=int, default=200)
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--profile", metavar="FILE", help="write a cProfile of the mail check to FILE")
    parser.add_argument("--repeat", type=int, default=1,
                        help="time the mail check and the bare loop this many times, alternating "
                             "(the sent rows are made pending again in between); medians are printed")
    parser.add_argument("--skip-composed", action="store_true",
                        help="leave out the two composing baselines (compose + send_message, send_message)")
    parser.add_argument("--skip-per-connection", action="store_true",
                        help="leave out the connection-per-mail loop (minutes against aiosmtpd)")
    parser.add_argument("--send-loop", type=int, default=0, metavar="N",
                        help="also time the send loop alone (deliver_rows) against the bare loop, N alternating pairs")
    parser.add_argument("--send-loop-profile", metavar="FILE",
                        help="with --send-loop: one more send loop (not timed) under cProfile, every thread "
                             "(sending and database) merged into FILE")

    parser.add_argument("--before", metavar="COMMIT",
                        help="run this benchmark on that commit's code (git archive) and on this tree, "
                             "alternately, --before-runs times each, and compare the preparation")
    parser.add_argument("--before-runs", type=int, default=2)
    args = parser.parse_args()
    if args.before:
        return compare_trees(args)
    n = args.organizations
    with tempfile.TemporaryDirectory(prefix="oroshi-bench-") as tmp, _database_url(args.database, tmp) as url:
        os.environ["OROSHI_HOME"] = tmp
        from jobs.runtime import Runtime
        from oroshi_desktop.config import load_settings, with_smtp
        from oroshi_desktop.db import schema
        from oroshi_desktop.db.engine import open_database
        from oroshi_desktop.db.types import utcnow
        from oroshi_desktop.mail.outbox import due_invoices, prepare_run
        from tests.helpers.smtp_server import HOST, SmtpTestServer

        db = open_database(url)
        schema.upgrade(db)
        started = time.perf_counter()
        build(db, n)
        print(f"built {n} due organizations with 2 PDFs each in {time.perf_counter() - started:.2f} s")
        # A fresh server per phase and per run: aiosmtpd 1.4's per-connection cost grows with the
        # connections it has served (its greeting took 6 s after a few hundred), which would
        # penalise whichever phase runs last.
        settings = with_smtp(load_settings(), host=HOST, port=1, security="none", timeout_seconds=10.0)
        # Phase 1, preparation: every row's mail composed once and its bytes stored (what the
        # first check of a run does before its send loop).
        started, prepare_cpu = time.perf_counter(), time.process_time()
        with db.write() as session:
            for invoice_id in due_invoices(session, utcnow()):
                prepare_run(session, invoice_id, sender=settings.smtp.sender)
        prepare_s, prepare_cpu = time.perf_counter() - started, time.process_time() - prepare_cpu
        # Phase 2, the mail check sending the prepared rows: claims, stored bytes, state writes;
        # alternating with the bare loop over the same bytes, so both see the same machine load.
        check_times: list[float] = []
        bare_times: list[float] = []
        # CPU time of this process (client and the in-process server, all threads) per phase: on
        # a machine shared with other work it scatters far less than the wall time.
        check_cpu: list[float] = []
        bare_cpu: list[float] = []
        mails: list = []
        for attempt in range(args.repeat):
            if attempt:
                make_pending_again(db)
            profiler = cProfile.Profile() if args.profile and attempt == args.repeat - 1 else None
            with SmtpTestServer.running() as server:
                runtime = Runtime(with_smtp(settings, port=server.port), db=db)
                cpu = time.process_time()
                check_times.append(timed_check(runtime, db, n, settings.smtp.sender, profiler))
                check_cpu.append(time.process_time() - cpu)
                runtime.close()
                if not mails:
                    mails = list(server.accepted)
                    assert len(mails) >= n, len(mails)
            if profiler is not None:
                profiler.dump_stats(args.profile)
            with SmtpTestServer.running() as bare_server:
                cpu = time.process_time()
                bare_times.append(bare_loop(HOST, bare_server.port, mails, reuse=True))
                bare_cpu.append(time.process_time() - cpu)
        check_s, one_conn_s = statistics.median(check_times), statistics.median(bare_times)
        size = sum(len(m.content) for m in mails) / len(mails)
        import email
        from email import policy

        composed_s = send_message_s = float("nan")
        if not args.skip_composed:
            with SmtpTestServer.running() as server:
                composed_s = composed_loop(db, HOST, server.port)
            messages = [email.message_from_bytes(m.content, policy=policy.SMTP) for m in mails]
            with SmtpTestServer.running() as server:
                send_message_s = bare_send_message_loop(HOST, server.port, messages)
        send_loop_line = send_loop_pairs(db, settings, mails, n, args.send_loop,
                                                    args.send_loop_profile) if args.send_loop else ""
        per_mail_s = float("nan")
        if not args.skip_per_connection:
            with SmtpTestServer.running() as server:
                per_mail_s = bare_loop(HOST, server.port, mails, reuse=False)
        db.dispose()
    rate = len(mails) / check_s
    print(f"preparation (compose once, store bytes): {len(mails)} mails in {prepare_s:.3f} s = "
          f"{len(mails) / prepare_s:.1f} mails/s")
    print(f"mail check (check_and_send) of the prepared rows: {len(mails)} mails ({size / 1024:.1f} KiB each) in "
          f"{check_s:.3f} s = {rate:.1f} mails/s")
    print(f"preparation + mail check: {prepare_s + check_s:.3f} s = {len(mails) / (prepare_s + check_s):.1f} mails/s; "
          f"/ bare pre-flattened one connection = {(prepare_s + check_s) / one_conn_s:.2f}x")
    print(f"compose + smtplib send_message, no outbox, one connection: {composed_s:.3f} s = "
          f"{len(mails) / composed_s:.1f} mails/s; mail check / this = {check_s / composed_s:.2f}x")
    print(f"bare smtplib send_message (same EmailMessages, flattened by smtplib), one connection: "
          f"{send_message_s:.3f} s = {len(mails) / send_message_s:.1f} mails/s; "
          f"mail check / bare = {check_s / send_message_s:.2f}x")
    print(f"bare smtplib sendmail of pre-flattened bytes, one connection: {one_conn_s:.3f} s = {len(mails) / one_conn_s:.1f} mails/s; "
          f"mail check / bare = {check_s / one_conn_s:.2f}x")
    print(f"bare smtplib, connection per mail: {per_mail_s:.3f} s = {len(mails) / per_mail_s:.1f} mails/s; "
          f"mail check / bare = {check_s / per_mail_s:.2f}x")
    if args.repeat > 1:
        ratios = sorted(check / bare for check, bare in zip(check_times, bare_times, strict=True))
        print(f"{args.repeat} alternating runs: mail check {', '.join(f'{t:.3f}' for t in check_times)} s; "
              f"bare {', '.join(f'{t:.3f}' for t in bare_times)} s; ratio per pair "
              f"{ratios[0]:.2f}–{ratios[-1]:.2f}x, median {statistics.median(ratios):.2f}x")
    print(f"CPU time (client + in-process server): mail check {statistics.median(check_cpu):.3f} s, "
          f"bare {statistics.median(bare_cpu):.3f} s (medians); "
          f"ratio {statistics.median(check_cpu) / statistics.median(bare_cpu):.2f}x")
    if send_loop_line:
        print(send_loop_line)

    print(f"preparation CPU time: {prepare_cpu:.3f} s = {prepare_cpu * 1000 / len(mails):.1f} ms a mail")
    print(f"database: {args.database}")
    print(f"mails_per_s={rate:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
