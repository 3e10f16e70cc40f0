"""Lighthouse 12 (npm devDependency) on one page, with its default mobile settings.

Simulated slow 4G and a 4x slower CPU, as Lighthouse runs by default; the
browser is Debian's Chromium (CHROME_PATH), never a downloaded one.
"""

import json
import os
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")
CATEGORIES = ("performance", "accessibility", "best-practices")


def audit(url, chromium="/usr/bin/chromium"):
    """Scores (0-100) per category, first contentful paint and total blocking time (ms) for `url`."""
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: run `npm ci` (make book does it).")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        run = subprocess.run(
            [str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
             f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
            capture_output=True, text=True, env={**os.environ, "CHROME_PATH": chromium},
        )
        if run.returncode or not out.exists():
            raise RuntimeError(f"Lighthouse failed on {url}:\n{run.stderr[-2000:]}")
        report = json.loads(out.read_text())
    scores = {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}
    audits = report["audits"]
    return {**scores, "fcp": audits["first-contentful-paint"]["numericValue"],
            "tbt": audits["total-blocking-time"]["numericValue"]}
