"""Every page links to the same page in the book's other edition, for readers and for search engines.

English sits at the site root and each translation under its language code
(`nl/`), with the same page paths, so a page's counterpart is found from its
own name (see :mod:`socialbrain.book.editions`). The switch is a plain link
(keyboard-operable, named for screen readers in the language it leads to) in
the theme's article header (`templates/language-switch.html`); the head gets
`<link rel="alternate" hreflang>` for each edition. `<html lang>` is Sphinx's
own, from the `language` setting.

The build also tells the kernels that execute the pages which language to
write their output in (see :mod:`socialbrain.i18n`).
"""

import html
import json
import os

from sphinx import addnodes
from sphinx.locale import init as init_catalog
from sphinx.transforms import SphinxTransform
from sphinx.util.i18n import docname_to_domain

from socialbrain.i18n import LANGUAGE_ENV, LANGUAGES, SOURCE_LANGUAGE, _, edition_folder

SWITCH_TEMPLATE = "language-switch.html"

#: How the switch names its target, in the target's language (the link carries lang=...).
SWITCH_LABELS = {"en": "Read this page in English", "nl": "Lees deze pagina in het Nederlands"}


def counterpart_href(pagename: str, target_uri: str, here: str, there: str) -> str:
    """A relative link from page `pagename` of edition `here` to the same page in edition `there`."""
    up = "../" * (pagename.count("/") + edition_folder(here).count("/"))
    return up + edition_folder(there) + target_uri


def set_kernel_language(app, config):
    """Kernels inherit the environment: each edition's pages run in its language."""
    os.environ[LANGUAGE_ENV] = config.language or SOURCE_LANGUAGE


def add_switch_to_header(app, config):
    """Put the switch first among the article header's buttons (sphinx-book-theme's extension point)."""
    options = dict(config.html_theme_options or {})
    end = options.get("article_header_end", ["article-header-buttons.html"])
    end = [end] if isinstance(end, str) else list(end)
    if SWITCH_TEMPLATE not in end:
        options["article_header_end"] = [SWITCH_TEMPLATE, *end]
    config.html_theme_options = options


def add_links(app, pagename, templatename, context, doctree):
    """The switch (for the template) and the hreflang alternates (in the head), for this page."""
    if app.builder.format != "html":
        return
    here = app.config.language or SOURCE_LANGUAGE
    target = app.builder.get_target_uri(pagename)
    base = (app.config.html_baseurl or "").rstrip("/")
    alternates = []
    for code in LANGUAGES:
        href = (f"{base}/{edition_folder(code)}{target}" if base
                else counterpart_href(pagename, target, here, code))
        alternates.append(f'<link rel="alternate" hreflang="{code}" href="{html.escape(href)}">')
        if code == SOURCE_LANGUAGE:
            alternates.append(f'<link rel="alternate" hreflang="x-default" href="{html.escape(href)}">')
    context["metatags"] = context.get("metatags", "") + "\n" + "\n".join(alternates)
    others = [code for code in LANGUAGES if code != here]
    context["sb_editions"] = [
        {"lang": code, "name": LANGUAGES[code], "label": SWITCH_LABELS[code],
         "href": counterpart_href(pagename, target, here, code)}
        for code in others
    ]


class TranslateTocCaptions(SphinxTransform):
    """The table of contents' captions ("Chapters") from the root page's catalog.

    sphinx-external-toc inserts the toctrees (its transform, priority 100) after Sphinx's own
    translation has run (priority 20), so their captions are extracted but never translated.
    """

    default_priority = 101

    def apply(self, **kwargs):
        language = self.config.language or SOURCE_LANGUAGE
        toctrees = [t for t in self.document.findall(addnodes.toctree) if t.get("caption")]
        if language == SOURCE_LANGUAGE or not toctrees:
            return
        dirs = [os.path.join(self.env.srcdir, d) for d in self.config.locale_dirs]
        domain = docname_to_domain(self.env.docname, self.config.gettext_compact)
        catalog, found = init_catalog(dirs, language, domain)
        if found:
            for toctree in toctrees:
                toctree["caption"] = catalog.gettext(toctree["caption"])


def add_browser_messages(app):
    """The self-check script's messages, in this edition's language (English needs none)."""
    from socialbrain.book.selfcheck import BROWSER_MESSAGES

    language = app.config.language or SOURCE_LANGUAGE
    if language == SOURCE_LANGUAGE or app.builder.format != "html":
        return
    table = {message: _(message, language) for message in BROWSER_MESSAGES}
    app.add_js_file(None, body="window.socialbrainText = " + json.dumps(table, ensure_ascii=False) + ";")


def setup(app):
    app.connect("config-inited", set_kernel_language)
    app.connect("config-inited", add_switch_to_header)
    app.connect("builder-inited", add_browser_messages)
    app.add_transform(TranslateTocCaptions)
    # Before the theme drops header templates that render empty (pydata-sphinx-theme, priority 500).
    app.connect("html-page-context", add_links, priority=400)
