"""The progress page: every page's self-check questions, in reading order.

A Sphinx environment collector records which questions each page holds
(and which pages show the progress table), so the record is purged when a
page is read again and merged from parallel readers, like Sphinx's own
records. Once all pages are read it warns about a question id used twice.
The `selfcheck-progress` directive places the table; its HTML visitor
writes it from the record, and `static/selfcheck.js` fills in the reader's
answers. Other builders leave the table out: progress lives in the browser.
"""

import html

from docutils import nodes
from sphinx.environment.collectors import EnvironmentCollector
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from socialbrain.book.selfcheck import selfcheck
from socialbrain.i18n import _

logger = logging.getLogger(__name__)


def questions(env) -> dict:
    """{docname: [(question id, line), ...]} for every page read so far."""
    return env.__dict__.setdefault("socialbrain_selfchecks", {})


def progress_docs(env) -> set:
    """The pages that show the progress table."""
    return env.__dict__.setdefault("socialbrain_progress_docs", set())


class selfcheck_progress(nodes.General, nodes.Element):
    """Where the progress table goes."""


class SelfCheckProgressDirective(SphinxDirective):
    """```{selfcheck-progress}```: a table of every page's self-checks, filled in by the reader's browser."""

    def run(self):
        return [selfcheck_progress()]


class SelfCheckCollector(EnvironmentCollector):
    """Keeps :func:`questions` and :func:`progress_docs` in step with the pages read."""

    def clear_doc(self, app, env, docname):
        questions(env).pop(docname, None)
        progress_docs(env).discard(docname)

    def merge_other(self, app, env, docnames, other):
        for docname in docnames:
            if docname in questions(other):
                questions(env)[docname] = questions(other)[docname]
            if docname in progress_docs(other):
                progress_docs(env).add(docname)

    def process_doc(self, app, doctree):
        docname = app.env.docname
        found = [(node["qid"], node.line) for node in doctree.findall(selfcheck)]
        if found:
            questions(app.env)[docname] = found
        if any(doctree.findall(selfcheck_progress)):
            progress_docs(app.env).add(docname)

    def get_outdated_docs(self, app, env, added, changed, removed):
        """When any page changes, the progress page must be written again."""
        if added or changed or removed:
            return sorted(progress_docs(env) - set(added) - set(changed))
        return []


def warn_duplicate_ids(app, env):
    """Every question id must be unique in the book: the browser stores answers by id."""
    first = {}
    for docname in sorted(questions(env)):
        for qid, line in questions(env)[docname]:
            if qid in first:
                where = "used twice on this page" if first[qid] == docname else f"also used in {first[qid]}"
                logger.warning(f"self-check id {qid!r} is {where}", location=(docname, line))
            else:
                first[qid] = docname


def reading_order(env, root_doc):
    """Documents in table-of-contents order, starting from the root page."""
    order, stack = [], [root_doc]
    while stack:
        doc = stack.pop(0)
        if doc in order:
            continue
        order.append(doc)
        stack[0:0] = env.toctree_includes.get(doc, [])
    return order


def visit_progress_html(self, node):
    """The progress table: one row per page with self-checks, in reading order."""
    env, builder = self.builder.env, self.builder
    lang = builder.config.language
    count, not_started = _("{count} questions", lang), _("not started", lang)
    caption, page, answered = _("Your self-check answers, saved in this browser only", lang), _("Page", lang), _("Answered", lang)
    state, forget = _("Status", lang), _("Forget my answers", lang)
    seen = questions(env)
    order = reading_order(env, builder.config.root_doc)
    order += sorted(set(seen) - set(order))
    rows = []
    for docname in (d for d in order if seen.get(d)):
        ids = [qid for qid, _line in seen[docname]]
        title = env.titles[docname].astext() if docname in env.titles else docname
        uri = builder.get_relative_uri(builder.current_docname, docname)
        rows.append(
            f'<tr data-progress-page="{html.escape(docname)}" data-ids="{html.escape(" ".join(ids))}">'
            f'<th scope="row"><a href="{html.escape(uri)}">{html.escape(title)}</a></th>'
            f'<td class="progress-count">{count.format(count=len(ids))}</td>'
            f'<td class="progress-status">{not_started}</td></tr>'
        )
    self.body.append(
        f'<table class="selfcheck-progress"><caption>{caption}</caption>'
        f'<thead><tr><th scope="col">{page}</th><th scope="col">{answered}</th>'
        f'<th scope="col">{state}</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
        f'<p><button type="button" class="selfcheck-reset">{forget}</button></p>'
        '<p class="selfcheck-reset-status" role="status" aria-live="polite"></p>'
    )
    raise nodes.SkipNode


def skip(self, node):
    raise nodes.SkipNode


def setup(app):
    app.add_node(selfcheck_progress, html=(visit_progress_html, None), latex=(skip, None),
                 text=(skip, None), man=(skip, None), texinfo=(skip, None))
    app.add_directive("selfcheck-progress", SelfCheckProgressDirective)
    app.add_env_collector(SelfCheckCollector)
    app.connect("env-check-consistency", warn_duplicate_ids)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
