"""Benchmark: the two shared-queue engines, Redis (RedisHuey) and PostgreSQL (huey.contrib.sql_huey).

    python bench/queue_engines.py [--latency-runs 40] [--jobs 1000]

Starts a throwaway PostgreSQL (the suite's helper: fsync off, like a fast server) and redis-server
(no persistence, like a default cache install) and measures, through ``jobs.queue.instance.make_huey`` and
the app's consumer settings (``make_consumer``: 2 thread workers, max_delay 1 s as the worker):

- enqueue → start latency of a no-op task, one at a time with an idle gap (median, p95);
- throughput of N small tasks: enqueue rate, then the time for the consumer to drain them;
- a server restart: tasks queued before it, still there after it? Does a running consumer come back
  by itself, and how long until a task enqueued after the restart starts?

The job ledger is not involved: this compares the engines only. Last line: one ``key=value`` each.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


class Redis:
    def __init__(self) -> None:
        from tests.helpers.pgserver import free_port

        self.port = free_port()
        self.dir = tempfile.mkdtemp(prefix="oroshi-bench-redis-")
        self.process: subprocess.Popen[bytes] | None = None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        import redis

        self.process = subprocess.Popen([shutil.which("redis-server") or "redis-server", "--port", str(self.port),
                                         "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                                         "--dir", self.dir], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while True:
            try:
                redis.Redis.from_url(self.url).ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait()
            self.process = None

    def restart(self) -> None:
        self.stop()
        self.start()


class Postgres:
    def __init__(self) -> None:
        from tests.helpers.pgserver import PgServer

        self.server = PgServer.start()
        self.server.create_database("queue")
        self.url = self.server.url("queue").replace("postgresql+psycopg://", "postgresql://")

    def restart(self) -> None:
        server = self.server
        # -l: the restarted server must not inherit our pipes (pg_ctl would never seem to finish).
        subprocess.run(server._cmd(str(server.bin_dir / "pg_ctl"), "-D", str(server.root / "data"), "-m", "fast",
                                   "-l", str(server.root / "server.log"), "-w", "restart"),
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def stop(self) -> None:
        self.server.stop()


def wait_for(check: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.005)
    return False


def measure(engine: str, url: str, restart: Callable[[], None], args: argparse.Namespace) -> dict[str, str]:
    from jobs.queue.consumer import make_consumer
    from jobs.queue.instance import make_huey
    from oroshi_desktop.config import load_settings

    settings = replace(load_settings(), queue_url=url)
    huey = make_huey(settings, name=f"bench-{engine}")
    started: dict[int, float] = {}
    lock = threading.Lock()

    @huey.task(name="bench.noop")
    def noop(n: int) -> None:
        with lock:
            started[n] = time.monotonic()

    huey.flush()
    consumer = make_consumer(huey, workers=2, periodic=False, embedded=True, max_delay=1.0)
    consumer.start()
    results: dict[str, str] = {}
    try:
        latencies = []
        for n in range(args.latency_runs):
            time.sleep(random.uniform(0.2, 1.0))  # idle between requests: the consumer backs off
            sent = time.monotonic()
            noop(n)
            if not wait_for(lambda n=n: n in started, 10):
                raise SystemExit(f"{engine}: task {n} did not start")
            latencies.append((started[n] - sent) * 1000)
        latencies.sort()
        results["latency_median_ms"] = f"{statistics.median(latencies):.1f}"
        results["latency_p95_ms"] = f"{latencies[int(len(latencies) * 0.95) - 1]:.1f}"
        print(engine, results, file=sys.stderr, flush=True)

        base = 100_000
        t0 = time.monotonic()
        for n in range(base, base + args.jobs):
            noop(n)
        t1 = time.monotonic()
        if not wait_for(lambda: sum(1 for k in started if k >= base) == args.jobs, 300):
            raise SystemExit(f"{engine}: the {args.jobs} tasks did not all run")
        t2 = max(started[k] for k in started if k >= base)
        results["enqueue_per_s"] = f"{args.jobs / (t1 - t0):.0f}"
        results["drain_per_s"] = f"{args.jobs / (t2 - t0):.0f}"
        print(engine, results, file=sys.stderr, flush=True)
    finally:
        consumer.stop(graceful=True)

    # Tasks waiting in the queue while the server restarts (no consumer running).
    before = 200_000
    for n in range(before, before + 20):
        noop(n)
    restart()
    kept = _count_after_restart(huey)
    results["kept_over_restart"] = f"{kept}/20"
    print(engine, results, file=sys.stderr, flush=True)
    huey.flush()

    # A running consumer across a restart: does it come back on its own?
    consumer = make_consumer(huey, workers=2, periodic=False, embedded=True, max_delay=1.0)
    consumer.start()
    try:
        restart()
        t_back = time.monotonic()
        after = 300_000
        enqueued = False
        while not enqueued and time.monotonic() - t_back < 30:
            try:
                noop(after)
                enqueued = True
            except Exception:  # the client reconnects on the next call
                time.sleep(0.1)
        ok = enqueued and wait_for(lambda: after in started, 30)
        results["consumer_recovers"] = "yes" if ok else "no"
        results["first_start_after_restart_ms"] = f"{(started[after] - t_back) * 1000:.0f}" if ok else "-"
    finally:
        consumer.stop(graceful=True)
    return results


def _count_after_restart(huey: object) -> int:
    deadline = time.monotonic() + 15
    while True:
        try:
            # Huey's SQL storage reconnects only in enqueue/dequeue: ask it to, like the app does.
            getattr(huey.storage, "check_conn", lambda: None)()  # type: ignore[attr-defined]
            return int(huey.pending_count())  # type: ignore[attr-defined]
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency-runs", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=1000)
    parser.add_argument("--engine", choices=("redis", "postgresql"), action="append",
                        help="measure only this engine (default: both)")
    args = parser.parse_args()
    engines = args.engine or ["redis", "postgresql"]
    with tempfile.TemporaryDirectory(prefix="oroshi-bench-") as tmp:
        os.environ["OROSHI_HOME"] = tmp
        figures = {}
        if "redis" in engines:
            redis_server = Redis()
            redis_server.start()
            try:
                figures["redis"] = measure("redis", redis_server.url, redis_server.restart, args)
            finally:
                redis_server.stop()
        if "postgresql" in engines:
            postgres = Postgres()
            try:
                figures["postgresql"] = measure("postgresql", postgres.url, postgres.restart, args)
            finally:
                postgres.stop()
    for engine, values in figures.items():
        print(f"{engine:<11} " + "  ".join(f"{key}={value}" for key, value in values.items()))
    print(" ".join(f"{engine}_{key}={value}" for engine, values in figures.items() for key, value in values.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
