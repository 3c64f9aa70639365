"""Loaded by every Python process a test starts (the suite puts this folder on PYTHONPATH): the
process's wall clock takes the suite's pinned offset (tests/helpers/clock.py), so a CLI or worker
started by a test sees the same day as the test itself."""

import os

_offset = os.environ.get("TESTS_CLOCK_OFFSET")
if _offset:
    try:
        import time

        import time_machine
    except ImportError:  # a Python without the test extras: the real clock
        pass
    else:
        time_machine.travel(time.time() + float(_offset), tick=True).start()
