"""Self-check questions that work in the static book, with no kernel.

A chapter writes a question as a `selfcheck` directive whose body is YAML
(see CONTRIBUTING.md). The question, the options and the explanation are
MyST text, so they may hold emphasis, citations, glossary terms and Dutch
terms; they become doctree nodes like any other text, so cross-references
resolve, translation catalogs pick them up, and every builder can write them.
The HTML visitors write a plain HTML form that `static/selfcheck.js` marks,
explains and remembers in the reader's browser; other builders (LaTeX, text)
get the question, the options and the explanation as ordinary paragraphs.
The pages' questions are collected for the progress page by
:mod:`socialbrain.book.progress`.
"""

import base64
import html
import json
import math

import yaml
from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from socialbrain.i18n import N_, _

TYPES = ("choice", "truefalse", "number")

#: What static/selfcheck.js writes; a translated edition passes their translations to it
#: (see socialbrain.book.switch). "{n}"-style fields are filled in by the script.
BROWSER_MESSAGES = (
    N_("Right."), N_("Not quite. Try again, or read why."), N_("Show the explanation"),
    N_("Choose or type an answer first."), N_("Please type a number, such as 12 or 48.6."),
    N_("As a percentage, please: for example, 0.25 is 25%."), N_("{answered} of {total}"),
    N_("not started"), N_("in progress ({right} right)"), N_("done, all right"), N_("done ({right} right)"),
    N_("Forget every answer you have given in this browser? This cannot be undone."),
    N_("Your saved answers are forgotten."),
)


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


def encoded_key(question):
    """The answer key as the browser script reads it: base64 JSON, so it is not shown as text."""
    key = {k: question[k] for k in ("type", "answer", "tolerance", "unit") if question.get(k) not in (None, "")}
    return base64.b64encode(json.dumps(key).encode()).decode()


# --------------------------------------------------------------------------
# Nodes: one per part of the form
# --------------------------------------------------------------------------

class selfcheck(nodes.General, nodes.Element):
    """One question (attributes ``qid`` and ``key``): a question, its answers, an explanation."""


class selfcheck_question(nodes.Part, nodes.TextElement):
    """The question text."""


class selfcheck_answers(nodes.Part, nodes.Element):
    """What the reader answers with: options, or one number field."""


class selfcheck_option(nodes.Part, nodes.TextElement):
    """One option to choose (attribute ``value``: what the key compares)."""


class selfcheck_number(nodes.Part, nodes.Element):
    """A field for a number (attribute ``unit``, possibly empty), followed by its unit."""


class selfcheck_unit(nodes.Part, nodes.TextElement):
    """The unit shown after a number field ("people"): text, so the catalogs translate it."""


class selfcheck_explanation(nodes.Part, nodes.TextElement):
    """Why the right answer is right; shown once the reader has answered."""


class SelfCheckDirective(SphinxDirective):
    """```{selfcheck} <id>``` with a YAML body."""

    required_arguments = 1
    has_content = True

    def run(self):
        try:
            question = parse_question(self.arguments[0], "\n".join(self.content))
        except SelfCheckError as err:
            raise self.error(str(err)) from None
        messages = []
        node = selfcheck(qid=question["id"], key=encoded_key(question))
        self.set_source_info(node)
        if question["type"] == "number":
            number = selfcheck_number(unit=question["unit"])
            if question["unit"]:
                number += self._text(selfcheck_unit, question["unit"], messages)
            answers = [number]
        else:
            choices = (enumerate(question["options"]) if question["type"] == "choice"
                       else (("true", "True"), ("false", "False")))
            answers = [self._text(selfcheck_option, label, messages, value=str(value))
                       for value, label in choices]
        node += self._text(selfcheck_question, question["question"], messages)
        node += selfcheck_answers("", *answers)
        node += self._text(selfcheck_explanation, question["explanation"], messages)
        return [node, *messages]

    def _text(self, cls, text, messages, **attributes):
        """A ``cls`` node holding ``text`` parsed as MyST inline markup (messages go to ``messages``).

        Raw HTML stays text, so a question can hold markup but no tags.
        """
        children, more = self.parse_inline(text, lineno=self.lineno)
        messages += more
        node = cls(text, "", *children, **attributes)  # the raw text is what the catalogs translate
        self.set_source_info(node)
        for raw in list(node.findall(nodes.raw)):
            raw.replace_self(nodes.Text(raw.astext()))
        return node


# --------------------------------------------------------------------------
# HTML: the form selfcheck.js works with
# --------------------------------------------------------------------------

def visit_selfcheck_html(self, node):
    qid = html.escape(node["qid"])
    self.body.append(f'<form class="selfcheck" id="selfcheck-{qid}" data-selfcheck="{qid}" '
                     f'data-key="{node["key"]}"><fieldset>')


def depart_selfcheck_html(self, node):
    self.body.append("</fieldset></form>")


def _lang(translator):
    """The edition's language: the form's fixed words are written in it."""
    return translator.builder.config.language


def visit_question_html(self, node):
    label = _("Check yourself", _lang(self))  # outside the f-string, where `make catalogs` finds it
    self.body.append(f'<legend><span class="selfcheck-label">{label}</span> ')


def depart_question_html(self, node):
    self.body.append("</legend>")


def visit_answers_html(self, node):
    self.body.append('<div class="selfcheck-field">')


def depart_answers_html(self, node):
    # After the answers: the button that checks them, and where the verdict appears.
    check = _("Check", _lang(self))
    self.body.append(f'</div><button type="submit" class="selfcheck-submit">{check}</button>'
                     '<div class="selfcheck-feedback" role="status" aria-live="polite"></div>')


def visit_option_html(self, node):
    self.body.append('<label class="selfcheck-option"><input type="radio" name="answer" '
                     f'value="{html.escape(node["value"])}"> <span>')


def depart_option_html(self, node):
    self.body.append("</span></label>")


def visit_number_html(self, node):
    label = _("Your answer", _lang(self))
    self.body.append(f'<label class="selfcheck-number">{label} '
                     '<input type="text" inputmode="decimal" name="answer" autocomplete="off">')


def depart_number_html(self, node):
    self.body.append("</label>")


def visit_unit_html(self, node):
    self.body.append(" <span>")


def depart_unit_html(self, node):
    self.body.append("</span>")


def visit_explanation_html(self, node):
    self.body.append('<template class="selfcheck-explanation">')


def depart_explanation_html(self, node):
    self.body.append("</template>")


class SelfCheckAsText(SphinxPostTransform):
    """For every builder but HTML: the question, a list of its options and the explanation.

    Print has no form to fill in, so the number field goes; the text nodes
    themselves are kept (translated, with their references resolved). The
    gettext builder keeps the question nodes, whose text it extracts.
    """

    default_priority = 200

    def is_supported(self):
        return self.app.builder.format != "html" and self.app.builder.name != "gettext"

    def run(self, **kwargs):
        for node in list(self.document.findall(selfcheck)):
            question, = node.findall(selfcheck_question)
            explanation, = node.findall(selfcheck_explanation)
            options = [nodes.list_item("", nodes.paragraph("", "", *option.children))
                       for option in node.findall(selfcheck_option)]
            language = self.app.config.language
            parts = [nodes.paragraph("", "", nodes.strong("", _("Check yourself:", language)), nodes.Text(" "),
                                     *question.children)]
            if options:
                parts.append(nodes.bullet_list("", *options))
            parts.append(nodes.paragraph("", "", nodes.emphasis("", _("Explanation:", language)), nodes.Text(" "),
                                         *explanation.children))
            node.replace_self(nodes.container("", *parts, classes=["selfcheck"]))


def setup(app):
    app.add_node(selfcheck, html=(visit_selfcheck_html, depart_selfcheck_html))
    app.add_node(selfcheck_question, html=(visit_question_html, depart_question_html))
    app.add_node(selfcheck_answers, html=(visit_answers_html, depart_answers_html))
    app.add_node(selfcheck_option, html=(visit_option_html, depart_option_html))
    app.add_node(selfcheck_number, html=(visit_number_html, depart_number_html))
    app.add_node(selfcheck_unit, html=(visit_unit_html, depart_unit_html))
    app.add_node(selfcheck_explanation, html=(visit_explanation_html, depart_explanation_html))
    app.add_directive("selfcheck", SelfCheckDirective)
    app.add_post_transform(SelfCheckAsText)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
