"""The `{nl}` role: marks a Dutch word so that screen readers pronounce it in Dutch."""

from docutils import nodes


class dutch(nodes.inline):
    """An inline Dutch phrase; rendered as <span lang="nl">."""


def nl_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    return [dutch(rawtext, text, classes=["dutch"])], []


def visit_dutch_html(self, node):
    self.body.append(self.starttag(node, "span", "", lang="nl"))


def depart_dutch_html(self, node):
    self.body.append("</span>")


def visit_dutch_plain(self, node):
    pass


def depart_dutch_plain(self, node):
    pass


def setup(app):
    app.add_node(
        dutch,
        html=(visit_dutch_html, depart_dutch_html),
        latex=(visit_dutch_plain, depart_dutch_plain),
        text=(visit_dutch_plain, depart_dutch_plain),
    )
    app.add_role("nl", nl_role)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
