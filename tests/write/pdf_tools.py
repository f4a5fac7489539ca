"""LibreOffice and poppler, as the DOCX tests call them: convert in one call, then read pages and text."""

from __future__ import annotations

import subprocess
from pathlib import Path


def convert_to_pdf(docs: list[Path], outdir: Path) -> subprocess.CompletedProcess:
    """All `docs` to PDF in one headless LibreOffice run, with a private profile (other conversions may run
    at the same time)."""
    profile = outdir / "lo-profile"
    return subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            *map(str, docs),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )


def pdf_info(pdf: Path) -> tuple[int, str]:
    """(page count, the whole pdfinfo output)."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:"))), info


def pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
