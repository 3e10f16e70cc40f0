"""The `{nl}` and `{en}` roles: mark a word in the other language, so screen readers pronounce it right.

The English edition marks Dutch terms with `{nl}`; the Dutch edition (its
catalogs in `locales/nl/`) marks the English originals with `{en}`.
"""

from docutils import nodes


class dutch(nodes.inline):
    """An inline Dutch phrase; rendered as <span lang="nl">."""


class english(nodes.inline):
    """An inline English phrase (in the Dutch edition); rendered as <span lang="en">."""


LANGS = {dutch: "nl", english: "en"}


def nl_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    return [dutch(rawtext, text, classes=["dutch"])], []


def en_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    return [english(rawtext, text, classes=["english"])], []


def visit_foreign_html(self, node):
    self.body.append(self.starttag(node, "span", "", lang=LANGS[type(node)]))


def depart_foreign_html(self, node):
    self.body.append("</span>")


def visit_foreign_plain(self, node):
    pass


def depart_foreign_plain(self, node):
    pass


def setup(app):
    for node in LANGS:
        app.add_node(
            node,
            html=(visit_foreign_html, depart_foreign_html),
            latex=(visit_foreign_plain, depart_foreign_plain),
            text=(visit_foreign_plain, depart_foreign_plain),
        )
    app.add_role("nl", nl_role)
    app.add_role("en", en_role)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
