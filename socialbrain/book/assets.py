"""Serve every script the book needs from the book itself, never from a CDN.

plotly.js comes from the plotly Python package; require.js and the Jupyter
widgets HTML manager come from `node_modules/` (installed by `npm ci`, which
`make book` runs). They are staged in `_build/vendor-static/vendor/` and
copied into `_static/vendor/`; myst-nb is pointed at them in `_config.yml`
(`nb_ipywidgets_js`). plotly.js is added only to pages that draw a figure.
"""

import shutil
from pathlib import Path

import plotly
from sphinx.errors import ExtensionError

PACKAGE = Path(__file__).resolve().parent.parent
BOOK_STATIC = PACKAGE / "book" / "static"
WIDGET_STATIC = PACKAGE / "widgets" / "static"
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"

#: node_modules file -> name under _static/vendor/
NPM_FILES = {
    "requirejs/require.js": "require.min.js",
    "@jupyter-widgets/html-manager/dist/embed-amd.js": "embed-amd.js",
}
#: the widget manager loads its icon fonts from beside embed-amd.js
NPM_FONTS = "@jupyter-widgets/html-manager/dist"
FONT_SUFFIXES = {".woff2", ".woff", ".ttf", ".eot", ".svg"}


def stage_vendor(confdir, stage):
    """Copy the third-party scripts into `stage/vendor`, or say how to get them."""
    vendor = stage / "vendor"
    vendor.mkdir(parents=True, exist_ok=True)
    missing = [name for name in NPM_FILES if not (confdir / "node_modules" / name).is_file()]
    if missing:
        raise ExtensionError(
            "The book serves its own JavaScript, but these npm files are missing: "
            + ", ".join(missing)
            + ". Run `npm ci` in the repository root (`make book` does it for you)."
        )
    for source, target in NPM_FILES.items():
        _copy_if_changed(confdir / "node_modules" / source, vendor / target)
    for font in (confdir / "node_modules" / NPM_FONTS).iterdir():
        if font.suffix in FONT_SUFFIXES:
            _copy_if_changed(font, vendor / font.name)
    _copy_if_changed(PLOTLY_JS, vendor / "plotly.min.js")


def _copy_if_changed(source, target):
    if not target.exists() or target.stat().st_size != source.stat().st_size or target.stat().st_mtime < source.stat().st_mtime:
        shutil.copy2(source, target)


def on_builder_inited(app):
    confdir = Path(app.confdir)
    stage = Path(app.outdir).parent / "vendor-static"
    stage_vendor(confdir, stage)
    static = [str(BOOK_STATIC), str(stage)]
    if WIDGET_STATIC.is_dir():
        static.append(str(WIDGET_STATIC))
    app.config.html_static_path = list(app.config.html_static_path) + static
    app.add_css_file("socialbrain.css")
    app.add_js_file("selfcheck.js", defer="defer")
    for name in ("sb-widgets.css",):
        if (WIDGET_STATIC / name).is_file():
            app.add_css_file(name)
    if (WIDGET_STATIC / "sb-widgets.js").is_file():
        app.add_js_file("sb-widgets.js", defer="defer")


def add_plotly_where_needed(app, pagename, templatename, context, doctree):
    """Load the shared plotly.js before any figure, and only on pages that draw one."""
    body = context.get("body", "")
    if "plotly-graph-div" in body or "data-widget=" in body:
        app.add_js_file("vendor/plotly.min.js", priority=200)


def drop_unused_thebe(app, pagename, templatename, context, doctree):
    """The book launches no kernels, so sphinx-thebe's scripts (declared twice, a JS error) go."""
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
