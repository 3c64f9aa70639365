"""Benchmark: enqueue → ledger ``running`` latency on the embedded consumer (SqliteHuey, ledger in
the embedded SQLite database).

    python bench/enqueue_latency.py --runs 50

The app's consumer settings (``make_consumer``: thread workers, max_delay 0.5 s as in the GUI), a
trivial ledger-tracked job, one job at a time with an idle gap so the consumer's polling backs off
as it would between user actions. Latency = ledger ``started_at − created_at``. Last line:
``median_ms=<number>``.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--max-delay", type=float, default=0.5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="oroshi-bench-") as tmp:
        os.environ["OROSHI_HOME"] = tmp
        from jobs.queue.consumer import make_consumer
        from jobs.queue.instance import make_huey
        from jobs.queue.tasks import register_tasks
        from jobs.runtime import Runtime
        from oroshi_desktop.config import load_settings
        from oroshi_desktop.db import schema
        from oroshi_desktop.ledger import DONE

        settings = load_settings()
        runtime = Runtime(settings)
        schema.upgrade(runtime.db)  # the ledger lives in the (embedded) app database
        tasks = register_tasks(make_huey(settings), lambda: runtime)

        @tasks.huey.task(name="bench.noop")
        def noop(job_id: int, arguments: dict) -> None:
            runtime.run_job(job_id, message_running="実行中", message_failed="失敗",
                            work=lambda: ("完了", None))

        consumer = make_consumer(tasks.huey, workers=settings.workers, periodic=False, embedded=True,
                                 max_delay=args.max_delay)
        consumer.start()
        latencies: list[float] = []
        try:
            for run in range(args.runs):
                time.sleep(random.uniform(0.2, 1.0))  # idle between user actions
                job_id = runtime.ledger.create("bench", {"run": run}, "待機中")
                noop(job_id, {"run": run})
                deadline = time.monotonic() + 10
                while (job := runtime.ledger.get(job_id)).state != DONE:
                    if time.monotonic() > deadline:
                        raise SystemExit(f"job {job_id} did not finish: {job}")
                    time.sleep(0.005)
                assert job.started_at is not None
                latencies.append((job.started_at - job.created_at).total_seconds() * 1000)
        finally:
            consumer.stop(graceful=True)
            runtime.close()
    latencies.sort()
    median = statistics.median(latencies)
    p95 = latencies[max(0, round(0.95 * len(latencies)) - 1)]
    print(f"{len(latencies)} runs, max_delay {args.max_delay} s: median {median:.1f} ms, p95 {p95:.1f} ms, "
          f"min {latencies[0]:.1f} ms, max {latencies[-1]:.1f} ms")
    print(f"median_ms={median:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
