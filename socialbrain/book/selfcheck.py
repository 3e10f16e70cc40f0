"""Self-check questions that work in the static book, with no kernel.

A chapter writes a question as a `selfcheck` directive whose body is YAML
(see CONTRIBUTING.md). At build time the question becomes a plain HTML form;
`static/selfcheck.js` marks answers, explains them, and remembers them in the
reader's browser (localStorage). The `selfcheck-progress` directive renders
the progress page from every question the build has seen.
"""

import base64
import html
import json
import math

import yaml
from docutils import nodes
from docutils.parsers.rst import Directive
from sphinx.util import logging

logger = logging.getLogger(__name__)

TYPES = ("choice", "truefalse", "number")


class SelfCheckError(ValueError):
    """A self-check question that cannot be shown as written."""


def parse_question(qid, body):
    """Read and validate one question; raise SelfCheckError saying what is wrong."""
    if not qid or not all(c.isalnum() or c in "-_" for c in qid):
        raise SelfCheckError(f"self-check id {qid!r} must be letters, digits, '-' or '_'")
    try:
        data = yaml.safe_load(body)
    except yaml.YAMLError as err:
        hint = " Put text that contains a colon in quotes." if "mapping values" in str(err) else ""
        raise SelfCheckError(f"self-check {qid}: the body is not valid YAML ({err}).{hint}") from None
    if not isinstance(data, dict):
        raise SelfCheckError(f"self-check {qid}: the body must be YAML keys (type, question, ...)")
    qtype = data.get("type")
    if qtype not in TYPES:
        raise SelfCheckError(f"self-check {qid}: type must be one of {', '.join(TYPES)}, not {qtype!r}")
    for key in ("question", "explanation"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise SelfCheckError(f"self-check {qid}: '{key}' must be non-empty text")
    unknown = set(data) - {"type", "question", "options", "answer", "tolerance", "unit", "explanation"}
    if unknown:
        raise SelfCheckError(f"self-check {qid}: unknown key(s) {', '.join(sorted(unknown))}")
    answer = data.get("answer")
    question = {"id": qid, "type": qtype, "question": data["question"].strip(),
                "explanation": data["explanation"].strip()}
    if qtype == "choice":
        options = data.get("options")
        if not isinstance(options, list) or len(options) < 2:
            raise SelfCheckError(f"self-check {qid}: a choice question needs a list of at least 2 options")
        if isinstance(answer, bool) or not isinstance(answer, int) or not 0 <= answer < len(options):
            raise SelfCheckError(f"self-check {qid}: answer must be the index (0 to {len(options) - 1}) of the right option")
        question["options"] = [str(o) for o in options]
        question["answer"] = answer
    elif qtype == "truefalse":
        if not isinstance(answer, bool):
            raise SelfCheckError(f"self-check {qid}: a truefalse answer must be true or false")
        question["answer"] = answer
    else:
        tolerance = data.get("tolerance", 0)
        if isinstance(answer, bool) or not isinstance(answer, (int, float)) or not math.isfinite(answer):
            raise SelfCheckError(f"self-check {qid}: a number answer must be a number")
        if isinstance(tolerance, bool) or not isinstance(tolerance, (int, float)) or tolerance < 0:
            raise SelfCheckError(f"self-check {qid}: tolerance must be a number of 0 or more")
        question["answer"] = answer
        question["tolerance"] = tolerance
        question["unit"] = str(data.get("unit", ""))
    return question


def render_html(question):
    """The question as an accessible HTML form; the key is encoded, not shown."""
    qid = html.escape(question["id"])
    esc = html.escape
    if question["type"] == "choice":
        choices = list(enumerate(question["options"]))
    elif question["type"] == "truefalse":
        choices = [("true", "True"), ("false", "False")]
    else:
        choices = None
    if choices is None:
        unit = question["unit"]
        field = (
            f'<label class="selfcheck-number">Your answer '
            f'<input type="text" inputmode="decimal" name="answer" autocomplete="off">'
            f'{" <span>" + esc(unit) + "</span>" if unit else ""}</label>'
        )
    else:
        field = "".join(
            f'<label class="selfcheck-option"><input type="radio" name="answer" value="{esc(str(value))}"> '
            f"<span>{esc(text)}</span></label>"
            for value, text in choices
        )
    key = {k: question[k] for k in ("type", "answer", "tolerance") if k in question}
    encoded = base64.b64encode(json.dumps(key).encode()).decode()
    return (
        f'<form class="selfcheck" id="selfcheck-{qid}" data-selfcheck="{qid}" data-key="{encoded}">'
        f'<fieldset><legend><span class="selfcheck-label">Check yourself</span> {esc(question["question"])}</legend>'
        f'<div class="selfcheck-field">{field}</div>'
        f'<button type="submit" class="selfcheck-submit">Check</button>'
        f'<div class="selfcheck-feedback" role="status" aria-live="polite"></div>'
        f'<template class="selfcheck-explanation">{esc(question["explanation"])}</template>'
        f"</fieldset></form>"
    )


class SelfCheckDirective(Directive):
    """```{selfcheck} <id>``` with a YAML body."""

    required_arguments = 1
    has_content = True

    def run(self):
        env = self.state.document.settings.env
        qid = self.arguments[0]
        try:
            question = parse_question(qid, "\n".join(self.content))
        except SelfCheckError as err:
            raise self.error(str(err))
        seen = getattr(env, "socialbrain_selfchecks", {})
        for docname, ids in seen.items():
            if qid in ids and docname != env.docname:
                logger.warning(f"self-check id {qid!r} is also used in {docname}", location=(env.docname, self.lineno))
        env.socialbrain_selfchecks = seen
        ids = seen.setdefault(env.docname, [])
        if qid in ids:
            logger.warning(f"self-check id {qid!r} is used twice on this page", location=(env.docname, self.lineno))
        ids.append(qid)
        return [nodes.raw("", render_html(question), format="html")]


class progress_placeholder(nodes.General, nodes.Element):
    """Replaced, once every page is read, by the progress table."""


class SelfCheckProgressDirective(Directive):
    """```{selfcheck-progress}```: a table of every page's self-checks, filled in by the reader's browser."""

    def run(self):
        env = self.state.document.settings.env
        env.socialbrain_progress_docs = getattr(env, "socialbrain_progress_docs", set()) | {env.docname}
        return [progress_placeholder()]


def progress_html(app, fromdocname, pages):
    """The progress table: one row per page with self-checks, in reading order."""
    rows = []
    for docname, ids in pages:
        title = app.env.titles[docname].astext() if docname in app.env.titles else docname
        uri = app.builder.get_relative_uri(fromdocname, docname)
        rows.append(
            f'<tr data-progress-page="{html.escape(docname)}" data-ids="{html.escape(" ".join(ids))}">'
            f'<th scope="row"><a href="{html.escape(uri)}">{html.escape(title)}</a></th>'
            f'<td class="progress-count">{len(ids)} questions</td>'
            f'<td class="progress-status">not started</td></tr>'
        )
    return (
        '<table class="selfcheck-progress"><caption>Your self-check answers, saved in this browser only</caption>'
        '<thead><tr><th scope="col">Page</th><th scope="col">Answered</th><th scope="col">Status</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
        '<p><button type="button" class="selfcheck-reset">Forget my answers</button></p>'
        '<p class="selfcheck-reset-status" role="status" aria-live="polite"></p>'
    )


def fill_progress(app, doctree, fromdocname):
    seen = getattr(app.env, "socialbrain_selfchecks", {})
    order = _reading_order(app)
    order += sorted(set(seen) - set(order))
    pages = [(d, seen[d]) for d in order if seen.get(d)]
    for node in doctree.findall(progress_placeholder):
        node.replace_self(nodes.raw("", progress_html(app, fromdocname, pages), format="html"))


def progress_outdated(app, env, added, changed, removed):
    """When any page changes, the progress page must be written again."""
    if added or changed or removed:
        return sorted(getattr(env, "socialbrain_progress_docs", set()) - set(added) - set(changed))
    return []


def _reading_order(app):
    """Documents in table-of-contents order, starting from the root page."""
    order, stack = [], [app.config.root_doc]
    includes = app.env.toctree_includes
    while stack:
        doc = stack.pop(0)
        if doc in order:
            continue
        order.append(doc)
        stack[0:0] = includes.get(doc, [])
    return order


def purge(app, env, docname):
    getattr(env, "socialbrain_selfchecks", {}).pop(docname, None)


def merge(app, env, docnames, other):
    seen = getattr(env, "socialbrain_selfchecks", {})
    for docname in docnames:
        if docname in getattr(other, "socialbrain_selfchecks", {}):
            seen[docname] = other.socialbrain_selfchecks[docname]
    env.socialbrain_selfchecks = seen


def setup(app):
    app.add_directive("selfcheck", SelfCheckDirective)
    app.add_directive("selfcheck-progress", SelfCheckProgressDirective)
    app.add_node(progress_placeholder)
    app.connect("doctree-resolved", fill_progress)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("env-get-outdated", progress_outdated)
