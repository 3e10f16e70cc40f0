"""The integrity scan names what no answer needs; exact comparisons cannot be rigged."""

import numpy as np
import pytest

from socialbrain.grading.exact import close, same, shown
from socialbrain.grading.integrity import scan_code, scan_notebook


@pytest.mark.parametrize("code, words", [
    ("class A:\n    def __eq__(self, other):\n        return True", "defines __eq__"),
    ("class Five(int):\n    pass", "subclasses int"),
    ("import builtins\nbuiltins.len = lambda x: 5", "touches builtins"),
    ("__builtins__['len'] = None", "touches builtins"),
    ("import sys\nsys.modules['math'] = None", "sys.modules"),
    ("import gc\ngc.get_objects()", "garbage collector"),
    ("import ctypes", "ctypes"),
    ("get_ipython().set_custom_exc((Exception,), print)", "exception handler"),
    ("import sys\nsys.excepthook = print", "excepthook"),
    ("ip = get_ipython()\nip.events.register('post_run_cell', print)", "event hooks"),
    ("x = In[-1]", "input history"),
    ("import sys\nf = sys._getframe(1)", "calling code"),
    ("import os\nos._exit(0)", "ends the Python process"),
    ("quit()", "ends the kernel"),
    ("open('measurement.ipynb').read()", "notebook file"),
    ("!cat /etc/passwd", "shell commands"),
    ("def f(:\n    pass", "not valid Python"),
])
def test_each_trick_is_named(code, words):
    findings = scan_code(code)
    assert any(words in reason for _, reason in findings), findings


@pytest.mark.parametrize("code", [
    "def djg_score(answers):\n    return sum(a == 'yes' for a in answers)",
    "import pandas as pd\ntable = pd.crosstab(survey['a'] >= 3, survey['b'] < 12)",
    "def quadrant(d, l):\n    lonely = d >= 3\n    return 'neither' if not lonely else 'lonely'",
    "class Result:\n    def __init__(self, x):\n        self.x = x",
])
def test_ordinary_answers_are_not_flagged(code):
    assert scan_code(code) == []


def test_only_student_code_is_scanned():
    cell = lambda src, meta: {"cell_type": "code", "source": src, "metadata": {"nbgrader": meta} if meta else {}}
    nb = {"cells": [
        cell("import builtins", {"grade_id": "answer", "solution": True}),
        cell("import sys\nsys.modules", {"grade_id": "test_x", "grade": True, "solution": False, "locked": True}),
        cell("gc = 1\nimport gc", None),
    ]}
    found = scan_notebook(nb)
    assert found == ["answer, line 1: touches builtins", "cell 3, line 2: uses the garbage collector (gc)"]


class Anything:
    def __eq__(self, other):
        return True

    __hash__ = object.__hash__


class Five(int):
    def __eq__(self, other):
        return True

    __hash__ = int.__hash__


def test_same_accepts_only_the_right_value():
    assert same(5, 5) and same(np.int64(5), 5) and same(5.0, 5) and same("neither", "neither")
    assert same((1, 0), (1, 0)) and same({"Anna": "emotional"}, {"Anna": "emotional"})
    assert not same(4, 5) and not same(True, 1) and not same("5", 5) and not same([1, 0], (1, 0))
    assert not same(Anything(), 5) and not same(Anything(), "neither") and not same(Five(0), 5)
    assert not same((Anything(), Anything()), (1, 0)) and not same({Anything(): "x"}, {"Anna": "x"})
    assert Anything() == 5 and Five(0) == 5, "the rigged values really do fool =="


def test_close_needs_a_plain_number():
    assert close(np.float64(0.489), 0.489) and close(0.4890000000001, 0.489)
    assert not close(0.48, 0.489) and not close(Anything(), 0.489) and not close(float("nan"), 0.489)
    assert shown(Anything()) == "an object of type Anything" and shown(4) == "4"
