"""check() gives right/not-yet feedback with specific hints, and never raises.

The right answers below are worked out here from the task texts (not read
from the task modules), so a wrong expected value in socialbrain/check/tasks
makes these tests fail.
"""

from __future__ import annotations

import numpy as np
import pytest

from socialbrain.check import check, show_answer
from socialbrain.check import core
from socialbrain.check.kinds import Choice, Flag, Function
from socialbrain.check.tasks import NOTEBOOKS, TASKS, tasks_for


@pytest.fixture(autouse=True)
def fresh_tries():
    core._wrong_tries.clear()
    yield
    core._wrong_tries.clear()


def _sim_first_sample():
    rng = np.random.default_rng(2018)
    x = rng.normal(size=18)
    y = 0.5 * x + np.sqrt(0.75) * rng.normal(size=18)
    return x, y


def _sim_rs(n=18, true_r=0.5, studies=1000, seed=7):
    rng = np.random.default_rng(seed)
    rs = []
    for _ in range(studies):
        x = rng.normal(size=n)
        y = true_r * x + np.sqrt(1 - true_r**2) * rng.normal(size=n)
        rs.append(np.corrcoef(x, y)[0, 1])
    return rs


def _fisher_difference():
    rng = np.random.default_rng(2014)
    neutral = rng.normal(0.0, 1.0, size=15)
    rejecter = neutral + rng.normal(0.5, 1.0, size=15)
    return float(np.mean(rejecter - neutral))


def _survey_share():
    from socialbrain.simulate import simulate_survey

    df = simulate_survey()
    lonely = df[df["lonely"]]
    return float(1 - lonely["isolated"].mean()), float(lonely["isolated"].mean())


def attachment_style(self_view, other_view):
    if self_view == "positive":
        return "secure" if other_view == "positive" else "dismissing"
    return "preoccupied" if other_view == "positive" else "fearful"


def swapped_style(self_view, other_view):
    if self_view == "positive":
        return "secure" if other_view == "positive" else "preoccupied"
    return "dismissing" if other_view == "positive" else "fearful"


LAYERS = np.array([1.5, 5, 15, 50, 150, 500, 1500, 5000])

RIGHT = {
    "ex1.1": 150 / 50,
    "ex1.2": 4,
    "ex1.3": LAYERS[1:] / LAYERS[:-1],
    "ex1.4": [20, 100, 150, 500],
    "ex1.5": False,
    "ex2.1": {"dACC", "anterior insula"},
    "ex2.2": 2 / 7,
    "ex2.3": 30,
    "ex2.4": 160 / 400,
    "ex3.1": float(np.corrcoef(*_sim_first_sample())[0, 1]),
    "ex3.2": _sim_rs(),
    "ex3.3": float(np.mean(np.array(_sim_rs()) < 0.3)),
    "ex3.4": "b",
    "ex4.1": 10 / 15,
    "ex4.2": _fisher_difference(),
    "ex4.3": ["wanting", "wanting", "liking", "liking", "wanting", "liking"],
    "ex4.4": "b",
    "ex5.1": 6,
    "ex5.2": (4, 2),
    "ex5.3": ["not lonely", "moderately lonely", "moderately lonely", "severely lonely", "very severely lonely"],
    "ex5.4": 14,
    "ex5.5": _survey_share()[0],
    "ex6.1": 0.2,
    "ex6.2": ["B", "D", "E", "A", "C"],
    "ex6.3": 6.5,
    "ex6.4": ["mixed", "not directly tested", "contradicted", "supported", "supported"],
    "ex7.1": ["overgeneralisation", "personalisation", "catastrophising", "emotional reasoning",
              "personalisation", "overgeneralisation"],
    "ex7.2": 3,
    "ex7.3": ["common humanity", "mindfulness", "self-kindness"],
    "ex7.4": "b",
    "ex7.5": {"a", "b", "d"},
    "ex8.1": attachment_style,
    "ex8.2": np.arange(0, 6),
    "ex8.3": "b",
    "ex8.4": {"a", "c"},
}

# Other ways of writing a right answer that must also pass
ALSO_RIGHT = [
    ("ex1.1", np.float64(3.0)),
    ("ex1.3", list(LAYERS[1:] / LAYERS[:-1])),
    ("ex1.4", np.array([500, 20, 150, 100])),
    ("ex2.1", ["anterior insula", "DACC"]),
    ("ex2.3", np.int64(30)),
    ("ex3.4", " B "),
    ("ex3.4", "(b)"),
    ("ex5.2", [4, 2]),
    ("ex5.2", np.array([4, 2])),
    ("ex5.4", np.int64(14)),
    ("ex6.2", ["b", "d", "e", "a", "c"]),
    ("ex7.1", ["Overgeneralization", "personalization", "catastrophizing", "Emotional reasoning",
               "personalisation", "over-generalisation"]),
    ("ex7.3", ["common humanity", "mindfulness", "self kindness"]),
    ("ex7.5", ["d", "a", "b"]),
    ("ex8.2", [5, 4, 3, 2, 1, 0]),
]

# Typical wrong answers and a piece of the specific hint each must get
WRONG = [
    ("ex1.1", 50 / 150, "smaller layer by the larger"),
    ("ex1.1", 100, "subtracted"),
    ("ex1.2", 5, "counted from 1"),
    ("ex1.2", 150, "value itself"),
    ("ex1.3", LAYERS[:-1] / LAYERS[1:], "below 1"),
    ("ex1.3", LAYERS[1:] - LAYERS[:-1], "differences"),
    ("ex1.4", [150], "not the only one"),
    ("ex1.4", [3, 20, 100, 150, 500], "lower end"),
    ("ex1.4", [20, 100, 150, 500, 600], "upper end"),
    ("ex1.5", True, "triune brain is outdated"),
    ("ex2.1", {"dACC", "anterior insula", "thalamus", "S2", "dorsal posterior insula",
               "ventral prefrontal cortex", "ventral striatum"}, "either list"),
    ("ex2.1", {"thalamus", "S2", "dorsal posterior insula"}, "NOT in the rejection list"),
    ("ex2.2", 2 / 5, "pain regions only"),
    ("ex2.2", 100 * 2 / 7, "percentage"),
    ("ex2.3", 80, "accuracy itself"),
    ("ex2.3", 0.3, "percentage points"),
    ("ex2.4", 0.8, "forward"),
    ("ex2.4", 0.2, "whole database"),
    ("ex3.1", 1.0, "with itself"),
    ("ex3.1", np.corrcoef(*_sim_first_sample()), "2 rows and 2 columns"),
    ("ex3.2", _sim_rs(studies=18), "18 values"),
    ("ex3.2", [0.5] * 1000, "same"),
    ("ex3.2", _sim_rs(n=180, studies=1000), "change n"),
    ("ex3.2", _sim_rs(true_r=0.0, studies=1000), "true_r"),
    ("ex3.3", 0.82, "direction"),
    ("ex3.3", 176, "count"),
    ("ex3.4", "a", "what causes what"),
    ("ex4.1", 2.0, "women by the men"),
    ("ex4.1", 66.7, "percentage"),
    ("ex4.2", -_fisher_difference(), "opposite sign"),
    ("ex4.3", ["wanting"] * 6, "same label"),
    ("ex4.3", ["wanting", "wanting", "wanting", "liking", "wanting", "liking"], "statement 3"),
    ("ex4.4", "a", "not the same mechanism"),
    ("ex5.1", 8, "reversed"),
    ("ex5.1", 3, "'More or less' counts as 1"),
    ("ex5.1", 5, "counted the 'yes'"),
    ("ex5.1", 12, "0 to 11"),
    ("ex5.2", (2, 4), "wrong order"),
    ("ex5.3", ["not lonely", "moderately lonely", "moderately lonely", "moderately lonely",
               "very severely lonely"], "score 9"),
    ("ex5.3", ["not lonely", "not lonely", "moderately lonely", "severely lonely",
               "very severely lonely"], "score 3"),
    ("ex5.4", 20, "numbers of people"),
    ("ex5.4", 15, "three or four"),
    ("ex5.5", _survey_share()[1], "ARE at risk"),
    ("ex5.5", 100 * _survey_share()[0], "percentage"),
    ("ex6.1", 0.8, "did NOT"),
    ("ex6.2", ["B", "E", "D", "A", "C"], "attention"),
    ("ex6.2", ["D", "E", "A", "C", "B"], "Start the loop with B"),
    ("ex6.3", -6.5, "wrong sign"),
    ("ex6.3", 8.5, "whole day"),
    ("ex6.3", -3.5, "Positions start at 0"),
    ("ex6.4", ["supported", "not directly tested", "contradicted", "supported", "supported"], "claim 1"),
    ("ex6.4", ["mixed", "supported", "contradicted", "supported", "supported"], "whole chain"),
    ("ex7.1", ["overgeneralisation", "overgeneralisation", "catastrophising", "emotional reasoning",
               "personalisation", "overgeneralisation"], "statement 2"),
    ("ex7.2", 2, ".lower()"),
    ("ex7.2", 4, "counted words"),
    ("ex7.3", ["self-kindness", "mindfulness", "common humanity"], "statement 1"),
    ("ex7.4", "a", "popular claim"),
    ("ex7.5", {"a", "b", "c", "d"}, "tone"),
    ("ex7.5", {"b", "d"}, "sells therapy"),
    ("ex8.1", swapped_style, "swapped"),
    ("ex8.2", list(range(0, 7)), ">="),
    ("ex8.2", list(range(7, 11)), "approach wins"),
    ("ex8.3", "a", "popular article"),
    ("ex8.4", {"a", "c", "e"}, "personalisation"),
]


def test_every_task_has_a_right_answer_here():
    assert set(RIGHT) == set(TASKS)
    for number in NOTEBOOKS:
        assert 3 <= len(tasks_for(number)) <= 6


@pytest.mark.parametrize("task_id", sorted(RIGHT))
def test_right_answer_passes(task_id, capsys):
    result = check(task_id, RIGHT[task_id])
    printed = capsys.readouterr().out
    assert result.ok, result.message
    assert result.status == "right"
    assert "right!" in printed


@pytest.mark.parametrize("task_id,answer", ALSO_RIGHT)
def test_other_spellings_of_a_right_answer_pass(task_id, answer):
    assert check(task_id, answer).ok


@pytest.mark.parametrize("task_id,answer,hint", WRONG)
def test_typical_mistake_gets_its_hint(task_id, answer, hint):
    result = check(task_id, answer)
    assert not result.ok
    assert result.status in {"not yet", "unreadable"}
    assert "not yet" in result.message
    assert hint in result.message, result.message


@pytest.mark.parametrize("task_id", sorted(TASKS))
def test_each_listed_mistake_value_gets_its_own_hint(task_id):
    task = TASKS[task_id]
    for mistake in task.mistakes:
        if mistake.equals is core._NOTHING:
            continue
        result = check(task_id, mistake.equals)
        assert not result.ok, f"{task_id}: a listed mistake is accepted as right"
        assert mistake.hint in result.message, f"{task_id}: {mistake.equals!r} got {result.message!r}"


def _generator():
    yield 1


NONSENSE = [
    None,
    "nonsense",
    "",
    3 + 4j,
    float("nan"),
    float("inf"),
    np.nan,
    True,
    b"bytes",
    {"a": 1},
    object(),
    lambda: 1,
    [None],
    [..., ...],
    [],
    _generator(),
    list(range(1_000_000)),
    np.arange(1_000_000),
    np.zeros((3, 3)),
    [float("nan")] * 1000,
    [[1, 2], [3, 4]],
    ["a", 1, None],
    -1e300,
]


@pytest.mark.parametrize("task_id", sorted(TASKS))
def test_nonsense_gets_a_clear_message_and_never_raises(task_id, capsys):
    for answer in NONSENSE:
        result = check(task_id, answer)  # must not raise
        printed = capsys.readouterr().out
        assert not result.ok, f"{task_id} accepted {answer!r}"
        assert result.status in {"not yet", "unreadable", "blank"}
        assert printed.split() == result.message.split()   # same words, wrapped
        assert max(len(line) for line in printed.splitlines()) <= core.WIDTH + 20
        assert "not yet" in result.message
        assert "Traceback" not in result.message
        assert len(result.message) < 1200


def test_messages_for_specific_nonsense():
    assert "None" in check("ex1.1", None).message
    assert "NaN" in check("ex1.1", float("nan")).message
    assert "inside quotes" in check("ex1.1", "3").message
    assert "1,000,000" in check("ex1.4", list(range(1_000_000))).message
    assert "generator" in check("ex1.4", _generator()).message
    assert "True or False" in check("ex1.5", "False").message
    assert "Did you mean 'catastrophising'" in check(
        "ex7.1", ["overgeneralisation", "personalisation", "catastrofising", "emotional reasoning",
                  "personalisation", "overgeneralisation"]).message
    assert "letters" in check("ex3.4", 2).message
    assert "6 labels" in check("ex4.3", ["wanting"] * 7).message or "wants 6" in check(
        "ex4.3", ["wanting"] * 7).message
    assert "more than once" in check("ex6.2", ["B", "B", "E", "A", "C"]).message


def test_student_function_that_fails_is_reported_not_raised():
    def broken(self_view, other_view):
        return undefined_name  # noqa: F821

    result = check("ex8.1", broken)
    assert not result.ok and "NameError" in result.message


def test_blank_says_replace_the_dots_and_gives_a_hint():
    for task_id in TASKS:
        if isinstance(TASKS[task_id].kind, Function):
            continue
        result = check(task_id, ...)
        assert result.status == "blank"
        assert "Replace the ..." in result.message and "Hint:" in result.message
    def empty(self_view, other_view):
        ...

    result = check("ex8.1", empty)
    assert result.status == "blank" and "Hint:" in result.message


def test_unknown_task_ids():
    for bad in ["ex9.9", "3.9", 3.2, None, "", "exercise 1"]:
        result = check(bad, 1)
        assert not result.ok and result.status == "unknown task"
        assert "not yet" in result.message.lower()
    assert check("3.2", _sim_rs()).ok      # "3.2" is read as "ex3.2"
    assert check("EX1.1", 3).ok


def test_worked_answer_offered_after_three_wrong_tries():
    first = check("ex2.3", 80)
    second = check("ex2.3", 80)
    assert "show_answer" not in first.message and "show_answer" not in second.message
    third = check("ex2.3", 80)
    assert 'show_answer("ex2.3")' in third.message
    assert check("ex2.3", ...).status == "blank"   # a blank is not a wrong try


def test_hints_never_contain_the_worked_answer():
    for task in TASKS.values():
        hints = [task.start, task.hint, *task.item_hints, *(m.hint for m in task.mistakes)]
        for line in task.worked.split("\n"):
            line = line.strip()
            if len(line) > 12 and not line.startswith("#"):
                assert all(line not in h for h in hints), f"{task.id}: hint gives away {line!r}"
        if isinstance(task.kind, Choice):
            assert all(f'"{task.expected}"' not in h for h in hints), task.id
        if isinstance(task.kind, Flag):   # the hint for a wrong answer must not just name the other value
            assert str(task.expected) not in task.hint, task.id


def test_show_answer_is_collapsed_html_and_plain_text_outside_jupyter(capsys):
    markup = core.worked_answer_html(TASKS["ex7.2"])
    assert markup.startswith('<details class="worked-answer">')
    assert "<summary>" in markup and "open" not in markup.split(">", 1)[0]
    assert "statement.lower()" in markup
    show_answer("ex7.2")
    out = capsys.readouterr().out
    assert "statement.lower()" in out
    show_answer("ex99.1")
    assert "no practice task" in capsys.readouterr().out


def test_show_answer_escapes_html():
    markup = core.worked_answer_html(TASKS["ex8.2"])
    assert "avoidance &gt; approach" in markup


def test_result_is_displayed_once():
    result = check("ex1.1", 3)
    assert result._printed
    result._ipython_display_()            # same cell: already printed, stays silent
    assert not result._printed


@pytest.mark.parametrize("task_id", sorted(TASKS))
def test_task_definitions_are_complete(task_id):
    task = TASKS[task_id]
    assert task.title and task.objective and task.start and task.hint and task.explanation
    assert task.worked.strip() and task.blank.strip()
    assert task.id[2:].split(".")[0] in {str(n) for n in NOTEBOOKS}
