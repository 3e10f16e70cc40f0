"""Repairs to the theme's page template and scripts for phones and slow connections.

The template (templates/layout.html) drops pydata-sphinx-theme's hidden top bar,
whose duplicate menu button left the visible one dead, and loads the search
index on the search page only. `defer_scripts` defers the theme's and Sphinx's other scripts and
`inline_documentation_options` puts the one that must run at once in the page,
so none of them holds back the first paint, and `drop_unused_design` leaves out
sphinx-design's files where a page has none of its components. The search
page quotes the article in its snippets (static/sb-search.js), and its own scripts and
index no longer block its first paint either (templates/search.html).
"""

from functools import cache
from pathlib import Path

import sphinx

TEMPLATES = Path(__file__).resolve().parent / "templates"

#: Inline scripts on every page assign to DOCUMENTATION_OPTIONS as soon as they are
#: parsed, so the script that defines it must run first: it goes inline in the page
#: (`inline_documentation_options`), a request fewer before the first paint.
MUST_RUN_AT_ONCE = ("documentation_options.js",)
OPTIONS_TEMPLATE = Path(sphinx.__file__).parent / "themes" / "basic" / "static" / "documentation_options.js.jinja"


@cache
def _options_template() -> str:
    """Read once per build, not once per page."""
    return OPTIONS_TEMPLATE.read_text(encoding="utf-8")


def add_templates(app, config):
    config.templates_path = [str(TEMPLATES), *config.templates_path]


def defer_scripts(app, pagename, templatename, context, doctree):
    """Each page gets deferred copies: the script objects are shared with every other page."""
    scripts = context.get("script_files", [])
    scripts[:] = [_deferred(js) for js in scripts]


def _deferred(js):
    name = str(getattr(js, "filename", "") or "")
    attributes = getattr(js, "attributes", None)
    if not name or attributes is None or name.endswith(MUST_RUN_AT_ONCE) or {"async", "defer"} & set(attributes):
        return js
    return type(js)(js.filename, priority=js.priority, **attributes, defer="defer")


def inline_documentation_options(app, pagename, templatename, context, doctree):
    """Sphinx's tiny documentation_options.js was the one script that blocked the first paint."""
    scripts = context.get("script_files", [])
    source = _options_template()
    scripts[:] = [
        type(js)(None, priority=js.priority, body=app.builder.templates.render_string(source, context))
        if str(getattr(js, "filename", "") or "").endswith(MUST_RUN_AT_ONCE) else js
        for js in scripts
    ]


def drop_unused_design(app, pagename, templatename, context, doctree):
    """sphinx-design (which Jupyter Book always loads) costs a stylesheet before the first paint
    and a script; a page with none of its components (class "sd-...") needs neither."""
    if 'class="sd-' in context.get("body", ""):
        return
    for key, name in (("css_files", "sphinx-design"), ("script_files", "design-tabs")):
        files = context.get(key, [])
        files[:] = [f for f in files if name not in str(getattr(f, "filename", "") or "")]


def article_search_snippets(app, pagename, templatename, context, doctree):
    """Search results quote the article, not the theme's header around it (static/sb-search.js).
    It replaces a function of Sphinx's searchtools.js, so templates/search.html puts it after that."""
    if pagename == "search":
        script = type(context["script_files"][0])  # Sphinx's script class, as the theme's own scripts use
        context["sb_search_script"] = script("_static/sb-search.js", defer="defer")


def setup(app):
    app.connect("config-inited", add_templates)
    app.connect("html-page-context", drop_unused_design)
    app.connect("html-page-context", defer_scripts, priority=950)
    app.connect("html-page-context", inline_documentation_options, priority=950)
    app.connect("html-page-context", article_search_snippets)
