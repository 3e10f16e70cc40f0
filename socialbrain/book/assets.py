"""Serve every script the book needs from the book itself, never from a CDN.

plotly.js is npm's `plotly.js-basic-dist-min` (the scatter, bar and pie
traces the course draws; a quarter of the full bundle), from `node_modules/`
(installed by `npm ci`, which `make book` runs). It is staged in
`_build/vendor-static/vendor/` and copied into `_static/vendor/`. No page
loads it up front: `sb-plotly.js`, added only to pages that draw a figure,
fetches it once a figure comes near the screen (see that script), and on the
page before such a page, once the reader nears its end.
"""

import hashlib
import shutil
from pathlib import Path

from docutils import nodes
from sphinx.errors import ExtensionError

PACKAGE = Path(__file__).resolve().parent.parent
BOOK_STATIC = PACKAGE / "book" / "static"
WIDGET_STATIC = PACKAGE / "widgets" / "static"

#: the partial plotly.js bundle in node_modules, and its name under _static/
PLOTLY_NPM = "plotly.js-basic-dist-min/plotly-basic.min.js"
PLOTLY_STATIC = "vendor/plotly.min.js"


def stage_vendor(confdir, stage):
    """Copy plotly.js into `stage/vendor`, or say how to get it; return its fingerprint."""
    source = confdir / "node_modules" / PLOTLY_NPM
    if not source.is_file():
        raise ExtensionError(
            f"The book serves its own plotly.js, but node_modules/{PLOTLY_NPM} is missing. "
            "Run `npm ci` in the repository root (`make book` does it for you)."
        )
    target = stage / PLOTLY_STATIC
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_bytes() != source.read_bytes():
        shutil.copy2(source, target)
    return hashlib.sha256(source.read_bytes()).hexdigest()[:12]


def on_builder_inited(app):
    confdir = Path(app.confdir)
    stage = Path(app.outdir).parent / "vendor-static"
    app.env.sb_plotly_url = f"{PLOTLY_STATIC}?v={stage_vendor(confdir, stage)}"
    static = [str(BOOK_STATIC), str(stage)]
    if WIDGET_STATIC.is_dir():
        static.append(str(WIDGET_STATIC))
    app.config.html_static_path = list(app.config.html_static_path) + static
    app.add_css_file("socialbrain.css")
    app.add_js_file("selfcheck.js", defer="defer")
    app.add_js_file("sb-sections.js", defer="defer")
    for name in ("sb-widgets.css",):
        if (WIDGET_STATIC / name).is_file():
            app.add_css_file(name)
    if (WIDGET_STATIC / "sb-widgets.js").is_file():
        app.add_js_file("sb-widgets.js", defer="defer")


#: What a figure's or a widget's output holds (plotly_output.py, widgets/embed.py).
DRAWING = ("plotly-graph-div", "data-widget=")


def draws(doctree) -> bool:
    """Whether a page shows a plotly figure or a widget."""
    return doctree is not None and any(
        marker in node.astext() for node in doctree.findall(nodes.raw) for marker in DRAWING)


def add_plotly_where_needed(app, pagename, templatename, context, doctree):
    """Pages that draw a figure get the loader, told where the (fingerprinted) plotly.js is.

    A page that draws nothing, before a page that does (chapter 7 before 8), gets it with
    `data-prefetch`: when the reader nears the link to the next page, plotly.js is fetched at
    low priority, so the next chapter does not bring it (the second-chapter byte budget, issue 16).
    """
    options = {"data-plotly": app.env.sb_plotly_url}
    if not draws(doctree):
        following = app.builder.relations.get(pagename, [None, None, None])[2]  # computed once per build
        if not following or not draws(app.env.get_doctree(following)):
            return
        options["data-prefetch"] = "next"
    app.add_js_file("sb-plotly.js", defer="defer", **options)


def drop_unused_thebe(app, pagename, templatename, context, doctree):
    """The book launches no kernels, so sphinx-thebe's scripts (declared twice, a JS error) and its
    stylesheet (one more request before the first paint) go."""
    styles = context.get("css_files", [])
    styles[:] = [css for css in styles if "thebe" not in str(getattr(css, "filename", "") or "")]
    scripts = context.get("script_files", [])
    scripts[:] = [
        js for js in scripts
        if "thebe" not in str(getattr(js, "filename", "") or "")
        and "THEBE_JS_URL" not in str(getattr(js, "attributes", {}).get("body", ""))
    ]


def set_default_colour_mode(app, config):
    """pydata-sphinx-theme logs a console error when no default light/dark mode is set."""
    config.html_context = {"default_mode": "auto", **config.html_context}


def setup(app):
    app.connect("config-inited", set_default_colour_mode)
    app.connect("html-page-context", drop_unused_thebe, priority=900)  # after every script is added
    app.connect("builder-inited", on_builder_inited)
    app.connect("html-page-context", add_plotly_where_needed)
