"""Run by ``test_printing.py`` in a child process whose ``CUPS_SERVER`` is the test's private cupsd
from the start (Qt's CUPS support reads the server once per process): prints the PDF given on
stdin through ``print_pdf`` to the queue named in argv, as if chosen in the print dialog, and
prints the status bar's message as one JSON line."""

from __future__ import annotations

import json
import sys

from ui import printing
from ui.operations import wait_for_operations
from ui.printing import print_pdf, takes_pdf
from ui.qt import QApplication, QMainWindow, QPrinter


def main() -> int:
    queue, password, title = sys.argv[1], sys.argv[2], sys.argv[3]
    data = sys.stdin.buffer.read()
    app = QApplication(sys.argv[:1])
    seen: dict[str, object] = {}

    def choose(printer: QPrinter, _pages: int, _parent: object) -> bool:
        printer.setPrinterName(queue)  # what the user picks in the print dialog
        seen["printer"] = printer.printerName()
        seen["takes_pdf"] = takes_pdf(printer)
        return seen["takes_pdf"] is True  # never render into a printer the test did not make

    printing.ask_with_dialog = choose  # the print dialog's answer (what monkeypatch does in-process)
    window = QMainWindow()
    print_pdf(window, data, password, title=title)
    wait_for_operations(60000)
    for _ in range(200):  # the success callback arrives through the event loop
        app.processEvents()
        if window.statusBar().currentMessage():
            break
        wait_for_operations(50)
    seen["message"] = window.statusBar().currentMessage()
    print(json.dumps(seen, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
