"""A private CUPS scheduler for one test session: its own configuration, spool and logs in a temp
directory, reached through a local socket (``CUPS_SERVER``), with one raw queue whose backend (a
four-line script in the private ``ServerBin``) writes each job's document to a file, so a test reads
back exactly what the print system received. (A raw queue with a ``file:`` device runs no process at
all in CUPS 2.4.)

Where printer-driver-cups-pdf is installed, a second queue ``PDF_QUEUE`` prints through the real
cups-pdf backend and its PPD, as a clerk's "PDF printer" does: CUPS turns the PDF into PostScript
(pdftopdf, pdftops) and cups-pdf distils it back with Ghostscript. cups-pdf reads its settings only
from /etc/cups/cups-pdf.conf (left as installed: it writes to ``Out``, ``${HOME}/PDF`` on Debian),
so the test finds its job there by a token in the job title and deletes the file.

Needs ``cupsd`` and ``lpadmin`` (Debian ``cups``) and root (cupsd runs its filters as ``lp``);
``start_cups`` answers None with the reason when this machine cannot, so the test can skip saying why.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

QUEUE = "oroshi-test"
PDF_QUEUE = "oroshi-cups-pdf"
CUPS_PDF_BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
CUPS_PDF_PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd")
CUPS_PDF_CONF = Path("/etc/cups/cups-pdf.conf")


@dataclass
class CupsServer:
    root: Path
    socket: Path
    process: subprocess.Popen[bytes]
    output: Path  # where the queue writes the last job's document
    pdf_queue: str | None = None  # the cups-pdf queue, when cups-pdf is installed
    pdf_queue_missing: str = ""  # why there is none

    @property
    def env(self) -> dict[str, str]:
        return {"CUPS_SERVER": str(self.socket)}

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        if self.process.stderr is not None:
            self.process.stderr.close()
        shutil.rmtree(self.root, ignore_errors=True)


def start_cups() -> CupsServer | str:
    """A running private cupsd with the queue ``QUEUE``; or why there cannot be one here."""
    cupsd, lpadmin = shutil.which("cupsd") or "/usr/sbin/cupsd", shutil.which("lpadmin") or "/usr/sbin/lpadmin"
    if not (Path(cupsd).exists() and Path(lpadmin).exists()):
        return "CUPS is not installed (Debian packages cups and printer-driver-cups-pdf; installer/dev.sh installs them)"
    if os.geteuid() != 0:
        return "a private cupsd needs root here (it runs its filters as the lp user)"
    root = Path(tempfile.mkdtemp(prefix="oroshi-cups-"))
    root.chmod(0o755)
    for name in ("etc", "etc/ppd", "spool", "spool/tmp", "cache", "state", "log", "run", "out", "bin/backend"):
        (root / name).mkdir(parents=True, exist_ok=True)
    for name in ("spool", "spool/tmp", "out", "cache", "state"):
        shutil.chown(root / name, "root", "lp")
        (root / name).chmod(0o1777 if name in ("spool/tmp", "out") else 0o775)
    for name in ("filter", "daemon", "cgi-bin", "monitor", "notifier", "driver"):
        if Path("/usr/lib/cups", name).exists():
            (root / "bin" / name).symlink_to(Path("/usr/lib/cups", name))
    backend = root / "bin" / "backend" / "oroshifile"
    backend.write_text('#!/bin/sh\n# oroshifile:/PATH — the job document, unchanged, into PATH\n'
                       '[ $# -eq 0 ] && { echo \'file oroshifile "Unknown" "oroshi test file"\'; exit 0; }\n'
                       'cat "${6:--}" > "${DEVICE_URI#oroshifile:}.part" && mv "${DEVICE_URI#oroshifile:}.part" '
                       '"${DEVICE_URI#oroshifile:}"\n', encoding="utf-8")
    backend.chmod(0o700)  # root-only: cupsd runs it as root
    socket = root / "run" / "cups.sock"
    (root / "etc" / "cupsd.conf").write_text(
        f"Listen {socket}\nLogLevel info\nBrowsing No\nWebInterface No\nDefaultAuthType None\n"
        "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
        "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n", encoding="utf-8")
    (root / "etc" / "cups-files.conf").write_text(
        f"ServerRoot {root}/etc\nRequestRoot {root}/spool\nTempDir {root}/spool/tmp\nCacheDir {root}/cache\n"
        f"StateDir {root}/state\nErrorLog {root}/log/error_log\nAccessLog {root}/log/access_log\n"
        f"PageLog {root}/log/page_log\nPrintcap {root}/run/printcap\nSandboxing Relaxed\n"
        f"ServerBin {root}/bin\nDataDir /usr/share/cups\n", encoding="utf-8")
    process = subprocess.Popen([cupsd, "-f", "-c", str(root / "etc" / "cupsd.conf"),
                                "-s", str(root / "etc" / "cups-files.conf")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 20
    while not socket.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            error = process.stderr.read().decode(errors="replace") if process.stderr else ""
            process.kill()
            log = (root / "log" / "error_log")
            detail = log.read_text(errors="replace")[-500:] if log.exists() else error[-500:]
            shutil.rmtree(root, ignore_errors=True)
            return f"cupsd did not start here: {detail.strip() or 'no socket'}"
        time.sleep(0.05)
    output = root / "out" / "job.pdf"
    env = {**os.environ, "CUPS_SERVER": str(socket)}
    made = subprocess.run([lpadmin, "-p", QUEUE, "-E", "-v", f"oroshifile:{output}"], env=env,
                          capture_output=True, text=True, timeout=30)
    server = CupsServer(root, socket, process, output)
    if made.returncode != 0:
        server.stop()
        return f"lpadmin could not make the test queue: {made.stderr.strip()}"
    _add_cups_pdf_queue(server, lpadmin, env)
    return server


def _add_cups_pdf_queue(server: CupsServer, lpadmin: str, env: dict[str, str]) -> None:
    if not (CUPS_PDF_BACKEND.exists() and CUPS_PDF_PPD.exists() and CUPS_PDF_CONF.exists()):
        server.pdf_queue_missing = "cups-pdf is not installed (Debian package printer-driver-cups-pdf)"
        return
    (server.root / "bin" / "backend" / "cups-pdf").symlink_to(CUPS_PDF_BACKEND)
    made = subprocess.run([lpadmin, "-p", PDF_QUEUE, "-E", "-v", "cups-pdf:/", "-P", str(CUPS_PDF_PPD)], env=env,
                          capture_output=True, text=True, timeout=30)
    if made.returncode != 0:
        server.pdf_queue_missing = f"lpadmin could not make the cups-pdf queue: {made.stderr.strip()}"
        return
    server.pdf_queue = PDF_QUEUE


def cups_pdf_folder() -> Path:
    """Where cups-pdf writes a job of this user: ``Out`` of /etc/cups/cups-pdf.conf."""
    import pwd

    home = pwd.getpwuid(os.geteuid()).pw_dir
    out = "/var/spool/cups-pdf/${USER}"  # cups-pdf's built-in default
    for line in CUPS_PDF_CONF.read_text(errors="replace").splitlines():
        if line.strip().startswith("Out "):
            out = line.strip()[4:].strip()
    return Path(out.replace("${HOME}", home).replace("${USER}", pwd.getpwuid(os.geteuid()).pw_name))


def wait_for_cups_pdf(server: CupsServer, token: str, timeout_s: float = 60) -> bytes:
    """The PDF cups-pdf made of the job whose title carries ``token``; the file is removed."""
    deadline = time.monotonic() + timeout_s
    env = {**os.environ, **server.env}
    folder = cups_pdf_folder()
    while time.monotonic() < deadline:
        pending = subprocess.run(["lpstat", "-o", PDF_QUEUE], env=env, capture_output=True, text=True).stdout.strip()
        made = sorted(folder.glob(f"*{token}*.pdf")) if folder.is_dir() else []
        if not pending and made:
            data = made[0].read_bytes()
            for path in made:
                path.unlink()
            return data
        time.sleep(0.1)
    log = server.root / "log" / "error_log"
    raise AssertionError(f"cups-pdf made no file in {folder}: {log.read_text(errors='replace')[-800:] if log.exists() else ''}")


def wait_for_output(server: CupsServer, timeout_s: float = 60) -> bytes:
    """The document the queue wrote, once the job is done (the file stops growing)."""
    deadline = time.monotonic() + timeout_s
    env = {**os.environ, **server.env}
    while time.monotonic() < deadline:
        pending = subprocess.run(["lpstat", "-o", QUEUE], env=env, capture_output=True, text=True).stdout.strip()
        if not pending and server.output.exists() and server.output.stat().st_size > 0:
            return server.output.read_bytes()
        time.sleep(0.1)
    log = server.root / "log" / "error_log"
    raise AssertionError(f"the CUPS job did not finish: {log.read_text(errors='replace')[-800:] if log.exists() else ''}")
