"""Demo data for trying the app and for benchmarks: the salmon-themed set of DOMAIN.md §7.

``generate_demo(db, scale=N, seed=S)`` fills an empty database reproducibly; ``is_empty(db)``
tells whether there is anything to protect first.
"""

from oroshi_desktop.demo.generate import DemoSummary, generate_demo, is_empty

__all__ = ["DemoSummary", "generate_demo", "is_empty"]
