"""Printing a PDF through CUPS (Linux, macOS): the document itself goes to the queue with ``lp``,
so text stays text and a four-page check sheet is kilobytes, not 9 MB of page images.

Where there is no ``lp`` (Windows) the window keeps rendering pages into the printer. A password
protected statement is opened with its password first (CUPS's filters cannot), in memory; the
job title never carries a slash (cups-pdf and some print servers take it for a path).
"""

from __future__ import annotations

import io
import logging
import re
import shutil
import subprocess
from dataclasses import dataclass

from oroshi_desktop.errors import UserError

log = logging.getLogger(__name__)

SUBMIT_TIMEOUT_S = 60
_JOB_ID = re.compile(r"request id is (\S+)")


@dataclass(frozen=True)
class PdfJob:
    queue: str
    title: str
    copies: int = 1
    first_page: int | None = None  # 1-based, inclusive
    last_page: int | None = None
    collate: bool = True


def lp_command() -> str | None:
    """The CUPS client, when this machine has one (never on Windows)."""
    return shutil.which("lp")


def job_title(text: str) -> str:
    """A job name as print queues show it: no slashes or control characters, one line, short."""
    cleaned = re.sub(r"[\\/]+", "-", text)
    cleaned = "".join(ch if ch.isprintable() else " " for ch in cleaned)
    return " ".join(cleaned.split())[:120] or "oroshi-desktop"


def plain_pdf(data: bytes, password: str | None) -> bytes:
    """The PDF without its password (CUPS cannot open an encrypted one); unchanged when it has none."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(io.BytesIO(data))
    if not reader.is_encrypted:
        return data
    if not password or not reader.decrypt(password):
        raise UserError("the PDF's password is missing or wrong; it cannot be printed",
                        "PDFのパスワードが違うため印刷できません")
    writer = PdfWriter(clone_from=reader)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def lp_arguments(lp: str, job: PdfJob) -> list[str]:
    args = [lp, "-d", job.queue, "-t", job_title(job.title), "-n", str(max(1, job.copies))]
    if job.first_page is not None or job.last_page is not None:
        first = job.first_page or 1
        args += ["-o", f"page-ranges={first}-{job.last_page}" if job.last_page else f"page-ranges={first}-"]
    if job.copies > 1:
        args += ["-o", "collate=true" if job.collate else "collate=false"]
    return [*args, "-o", "document-format=application/pdf", "--", "-"]


def submit_pdf(job: PdfJob, data: bytes, password: str | None = None) -> str:
    """Hand the PDF to the CUPS queue; returns CUPS's job id (``QUEUE-123``)."""
    lp = lp_command()
    if lp is None:
        raise UserError("there is no CUPS client (lp) on this computer", "この環境ではCUPSで印刷できません")
    try:
        done = subprocess.run(lp_arguments(lp, job), input=plain_pdf(data, password), capture_output=True,
                              timeout=SUBMIT_TIMEOUT_S, check=False)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise UserError(f"lp did not answer: {err}", "印刷システムが応答しません") from err
    output = done.stdout.decode(errors="replace") + done.stderr.decode(errors="replace")
    if done.returncode != 0:
        log.warning("lp refused the job for %s: %s", job.queue, output.strip())
        raise UserError(f"lp refused the job for {job.queue}: {output.strip()}",
                        f"プリンター「{job.queue}」が印刷を受け付けませんでした")
    match = _JOB_ID.search(output)
    return match.group(1) if match else ""
