"""``python -m oroshi_desktop``."""

import sys

from oroshi_desktop.cli import main

sys.exit(main())
