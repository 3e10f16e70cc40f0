"""The selfcheck directive accepts well-formed questions and explains what is wrong with others."""

import base64
import json

import pytest

from socialbrain.book.selfcheck import SelfCheckError, parse_question, render_html

CHOICE = """
type: choice
question: How many people were scanned in the first Cyberball study?
options: ["13", "40", "60"]
answer: 0
explanation: Eisenberger and colleagues scanned 13 people.
"""


def test_choice_question_renders_an_accessible_form_with_an_encoded_key():
    q = parse_question("ch02-n", CHOICE)
    page = render_html(q)
    assert 'data-selfcheck="ch02-n"' in page and "<legend>" in page
    assert page.count('type="radio"') == 3
    assert 'role="status"' in page and 'aria-live="polite"' in page
    key = page.split('data-key="')[1].split('"')[0]
    assert json.loads(base64.b64decode(key)) == {"type": "choice", "answer": 0}
    assert ">13<" in page and "scanned 13 people" in page


def test_number_and_truefalse_questions():
    number = parse_question("ch05-x", "type: number\nquestion: Q?\nanswer: 48.6\ntolerance: 0.1\nunit: '%'\nexplanation: E.")
    assert number["answer"] == 48.6 and number["tolerance"] == 0.1 and 'inputmode="decimal"' in render_html(number)
    tf = parse_question("ch05-y", "type: truefalse\nquestion: Q?\nanswer: false\nexplanation: E.")
    assert tf["answer"] is False and render_html(tf).count('type="radio"') == 2


def test_question_text_is_escaped():
    q = parse_question("ch01-e", "type: truefalse\nquestion: Is <b>this</b> bold?\nanswer: true\nexplanation: No & never.")
    page = render_html(q)
    assert "<b>this</b>" not in page and "&lt;b&gt;this&lt;/b&gt;" in page


@pytest.mark.parametrize(
    "body, message",
    [
        ("type: essay\nquestion: Q\nexplanation: E", "type must be one of"),
        ("type: choice\nquestion: Q\noptions: [a]\nanswer: 0\nexplanation: E", "at least 2 options"),
        ("type: choice\nquestion: Q\noptions: [a, b]\nanswer: 2\nexplanation: E", "index (0 to 1)"),
        ("type: truefalse\nquestion: Q\nanswer: yes please\nexplanation: E", "true or false"),
        ("type: number\nquestion: Q\nanswer: many\nexplanation: E", "must be a number"),
        ("type: number\nquestion: Q\nanswer: 1\ntolerance: -1\nexplanation: E", "tolerance"),
        ("type: truefalse\nquestion: Q\nanswer: true", "'explanation' must be non-empty"),
        ("type: truefalse\nquestion: Q\nanswer: true\nexplanation: E\nhint: H", "unknown key(s) hint"),
        ("question: Do this: now\n  bad: indent", "Put text that contains a colon in quotes"),
        ("- just\n- a list", "must be YAML keys"),
    ],
)
def test_bad_questions_get_a_message_that_says_what_is_wrong(body, message):
    with pytest.raises(SelfCheckError, match=None) as err:
        parse_question("ch00-bad", body)
    assert message in str(err.value)


def test_ids_must_be_simple():
    with pytest.raises(SelfCheckError, match="letters, digits"):
        parse_question("ch 02/x", CHOICE)
