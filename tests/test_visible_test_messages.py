"""Each visible test message in problem set 2 names the mistake that trips it.

A student reads only the first failing assert's message, so for every message
there is a solution with exactly that mistake, and the first visible assert it
fails must be the one carrying the message. A mistake the visible tests cannot
see (items 1 and 2 keyed the wrong way round) must not be blamed on anything.
"""

import ast
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "source" / "ps2_measurement" / "measurement.ipynb"

# (test cell's grade_id, (a solution line, the line with the mistake; "" adds it at the end), the message it must get)
CASES = [
    ("test_djg_score", ("negative = {2, 3, 5, 6, 9, 10}", "negative = set(range(1, 12))"),
     "all 'no': the 5 positively worded items score 1, so the total is 5"),
    ("test_djg_score", ('lonely_answer = "yes" if', 'lonely_answer = "Yes" if'),
     "all 'yes': the 6 negatively worded items score 1, so the total is 6"),
    ("test_djg_score", ('total += answer in (lonely_answer, "more or less")', "total += answer == lonely_answer"),
     "'more or less' scores 1 on every item"),
    ("test_djg_score", ("answer = answer.strip().lower()\n        if answer not in",
                        "answer = answer.lower()\n        if answer not in"),
     "ignore case and surrounding spaces: ' More Or Less ' is 'more or less'"),
    ("test_djg_score", ('(list, tuple)):\n        raise ValueError(f"answers must be a list of 11',
                        'list):\n        raise ValueError(f"answers must be a list of 11'),
     "a tuple of answers works too"),
    ("test_djg_score", ("", "djg_score.__module__ = 'socialbrain.scales'"),
     "write djg_score yourself instead of importing it"),
    ("test_djg_score", ("negative = {2, 3, 5, 6, 9, 10}", "negative = {1, 3, 5, 6, 9, 10}"), None),
    ("test_djg_score_items", ("if len(answers) != 11:", "if len(answers) > 11:"),
     "10 answers should raise ValueError with a message"),
    ("test_djg_subscales", ('social += answer in ("no", "more or less")', 'social += answer == "no"'),
     "all 'more or less' gives (6, 5)"),
    ("test_djg_subscales", ('emotional += answer in ("yes", "more or less")', 'emotional += answer in ("no", "more or less")'),
     "all 'yes' gives (6, 0): emotional items are negatively worded"),
    ("test_djg_subscales", ("", "djg_subscales.__module__ = 'socialbrain.scales'"),
     "write djg_subscales yourself instead of importing it"),
    ("test_djg_level", ('return "not lonely"', 'return "not_lonely"'), "0 is not lonely"),
    ("test_djg_level", ("if score <= 8:", "if score <= 4:"), "5 is moderately lonely"),
    ("test_djg_level", ("if not 0 <= score <= 11:", "if not 0 <= score <= 12:"),
     "12 is outside 0-11: raise ValueError"),
    ("test_djg_level", ("", "djg_level.__module__ = 'socialbrain.scales'"),
     "write djg_level yourself instead of importing it"),
    ("test_lsns6_score", ("return sum(answers)", "return len(answers)"), "all zeros give 0"),
    ("test_lsns6_score", ("return sum(answers)", "return sum(answers[1:])"), "1+2+3+4+5+0 = 15"),
    ("test_lsns6_score", ("if len(answers) != 6:", "if len(answers) > 6:"), "3 answers should raise ValueError"),
    ("test_lsns6_score", ("", "lsns6_score.__module__ = 'socialbrain.scales'"),
     "write lsns6_score yourself instead of importing it"),
    ("test_lsns6_isolated", ("return score < 12", "return score > 12"), "a total of 0 is isolated"),
    ("test_lsns6_isolated", ("return score < 12", "return score <= 30"), "a total of 30 is not isolated"),
    ("test_lsns6_isolated", ("", "lsns6_isolated.__module__ = 'socialbrain.scales'"),
     "write lsns6_isolated yourself instead of importing it"),
    ("test_quadrant", ("isolated = lsns6_total < 12", "isolated = lsns6_total > 12"),
     "DJG 8 and LSNS-6 4: lonely and isolated"),
    ("test_quadrant", ('return "neither"', 'return "none"'), "DJG 0 and LSNS-6 25: neither"),
    ("test_quadrant", ("", "quadrant.__module__ = 'socialbrain.scales'"),
     "write quadrant yourself instead of importing it"),
]


def _cells():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    return [(c.metadata.get("nbgrader", {}), c.source) for c in nb.cells if c.cell_type == "code"]


def _solutions_with(slip):
    """Every solution cell's code, with the slip: a line replaced (it must occur once), or one added at the end."""
    code = "\n".join(re.sub(r"(?m)^\s*### (BEGIN|END) SOLUTION\n?", "", src)
                     for meta, src in _cells() if meta.get("solution"))
    right, wrong = slip
    if not right:
        return code + "\n" + wrong
    assert code.count(right) == 1, f"the mistake's line {right!r} is not in the solution once"
    return code.replace(right, wrong)


def _visible_statements(grade_id):
    source = next(src for meta, src in _cells() if meta.get("grade_id") == grade_id)
    return ast.parse(source.split("### BEGIN HIDDEN TESTS")[0]).body


def _first_failing_message(grade_id, slip):
    namespace = {"__name__": "__main__"}
    exec(_solutions_with(slip), namespace)
    for statement in _visible_statements(grade_id):
        try:
            exec(compile(ast.Module([statement], []), grade_id, "exec"), namespace)
        except Exception:
            assert isinstance(statement, ast.Assert) and isinstance(statement.msg, ast.Constant), \
                f"{grade_id} fails outside an assert with a message: {ast.unparse(statement)}"
            return statement.msg.value
    return None


@pytest.mark.parametrize("grade_id, slip, message", CASES, ids=[f"{c[0]}:{c[1][1][:30]}" for c in CASES])
def test_first_failing_visible_test_names_the_mistake(grade_id, slip, message):
    assert _first_failing_message(grade_id, slip) == message


def test_every_visible_message_has_its_mistake():
    """A new visible assert needs a case above, so no message goes untested."""
    covered = {(grade_id, message) for grade_id, _, message in CASES}
    for meta, _ in _cells():
        if meta.get("grade") and not meta.get("solution"):
            for statement in _visible_statements(meta["grade_id"]):
                if isinstance(statement, ast.Assert):
                    assert (meta["grade_id"], statement.msg.value) in covered, statement.msg.value


def test_the_solution_passes_every_visible_test():
    for meta, _ in _cells():
        if meta.get("grade") and not meta.get("solution"):
            assert _first_failing_message(meta["grade_id"], ("", "")) is None
