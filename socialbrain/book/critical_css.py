"""Critical CSS: each page carries the style rules it uses, and its stylesheets do not block.

On a phone on a slow connection the theme's stylesheets (Bootstrap, pydata-sphinx-theme,
Font Awesome: about 100 KB compressed) held back the first paint by seconds. The rules a
page uses can only be known from the finished page, which Sphinx offers no event for, so
this runs once the build has written its pages: `critical-css.mjs` hands each page written
in this build to Beasties (npm, installed by `npm ci`), which inlines the rules the page
uses and loads the full stylesheets without blocking (with a <noscript> fallback).
"""

import shutil
import subprocess
from pathlib import Path

from sphinx.errors import ExtensionError

SCRIPT = Path(__file__).resolve().parent / "critical-css.mjs"
BEASTIES = Path("node_modules") / "beasties"


def remember_page(app, pagename, templatename, context, doctree):
    """Only pages written in this build are processed: one processed twice would be mangled."""
    if app.builder.format == "html":
        app.sb_written_pages.add(app.builder.get_outfilename(pagename))


def inline_critical_css(app, exception):
    if exception or app.builder.format != "html" or not app.sb_written_pages:
        return
    modules = Path(app.confdir) / "node_modules"
    node = shutil.which("node")
    if not node or not (Path(app.confdir) / BEASTIES).is_dir():
        raise ExtensionError(f"Inlining critical CSS needs Node.js and {BEASTIES}: run `npm ci` "
                             "in the repository root (`make book` does it for you).")
    pages = sorted(str(Path(p).relative_to(app.outdir)) for p in app.sb_written_pages)
    run = subprocess.run([node, str(SCRIPT), str(modules), str(app.outdir), *pages],
                         capture_output=True, text=True, check=False)
    if run.returncode:
        raise ExtensionError(f"Inlining critical CSS failed:\n{run.stderr[-3000:]}")
    app.sb_written_pages.clear()


def setup(app):
    app.sb_written_pages = set()
    app.connect("html-page-context", remember_page)
    # After every other build-finished handler: pydata-sphinx-theme rewrites pygments.css in one.
    app.connect("build-finished", inline_critical_css, priority=900)
