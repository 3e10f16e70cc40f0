"""Repairs to the theme's page template and scripts for phones and slow connections.

The template (templates/layout.html) drops pydata-sphinx-theme's hidden top bar,
whose duplicate menu button left the visible one dead, and defers the search
index. `defer_scripts` defers the theme's and Sphinx's other scripts, so none
of them holds back the first paint, and `drop_unused_design` leaves out
sphinx-design's files where a page has none of its components.
"""

from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent / "templates"

#: Inline scripts on every page assign to DOCUMENTATION_OPTIONS as soon as they are
#: parsed, so the script that defines it must run first.
MUST_RUN_AT_ONCE = ("documentation_options.js",)

#: Stylesheets for code blocks only: no chapter has one, yet each blocked the first paint.
NON_BLOCKING_CSS = ("pygments.css", "copybutton.css")


def add_templates(app, config):
    config.templates_path = [str(TEMPLATES), *config.templates_path]


def defer_scripts(app, pagename, templatename, context, doctree):
    """Each page gets deferred copies: the script objects are shared with every other page."""
    if pagename == "search":  # Sphinx's search page calls its scripts inline, and waits for results anyway
        return
    scripts = context.get("script_files", [])
    scripts[:] = [_deferred(js) for js in scripts]


def _deferred(js):
    name = str(getattr(js, "filename", "") or "")
    attributes = getattr(js, "attributes", None)
    if not name or attributes is None or name.endswith(MUST_RUN_AT_ONCE) or {"async", "defer"} & set(attributes):
        return js
    return type(js)(js.filename, priority=js.priority, **attributes, defer="defer")


def drop_unused_design(app, pagename, templatename, context, doctree):
    """sphinx-design (which Jupyter Book always loads) costs a stylesheet before the first paint
    and a script; a page with none of its components (class "sd-...") needs neither."""
    if 'class="sd-' in context.get("body", ""):
        return
    for key, name in (("css_files", "sphinx-design"), ("script_files", "design-tabs")):
        files = context.get(key, [])
        files[:] = [f for f in files if name not in str(getattr(f, "filename", "") or "")]


def load_css_later(app, pagename, templatename, context, doctree):
    """The print-media trick: a stylesheet for another medium does not block rendering, and
    `onload` switches it to every medium once it has arrived. The template adds a <noscript>
    link for each (context["non_blocking_css"]) for browsers without scripts."""
    css = context.get("css_files", [])
    later = [f for f in css if str(getattr(f, "filename", "") or "").endswith(NON_BLOCKING_CSS)]
    css[:] = [_printed_until_loaded(f) if f in later else f for f in css]
    context["non_blocking_css"] = [f.filename for f in later]


def _printed_until_loaded(css):
    """A copy: the stylesheet objects are shared with every other page."""
    attributes = {**css.attributes, "media": "print", "onload": "this.media='all'; this.onload=null"}
    return type(css)(css.filename, priority=css.priority, **attributes)


def setup(app):
    app.connect("config-inited", add_templates)
    app.connect("html-page-context", drop_unused_design)
    app.connect("html-page-context", defer_scripts, priority=950)
    app.connect("html-page-context", load_css_later, priority=950)
