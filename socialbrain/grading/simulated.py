"""Simulated students: submissions built from the released notebooks.

Used by the tests (and by grading benchmarks) to grade a whole class
without real students. :func:`new_course` copies the course's
``nbgrader_config.py`` and ``source/`` into a scratch folder, so the real
gradebook is never touched. :func:`submission` builds a student's notebook
from ``release/`` by filling answer cells (by ``grade_id``) with code.
:data:`PS2_STUDENTS` holds the usual right and wrong answers to problem set 2.
"""

from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path

import nbformat

from . import cells

REPO = Path(__file__).resolve().parents[2]


def new_course(dest, repo=REPO) -> Path:
    """Copy nbgrader_config.py and source/ into ``dest`` (a scratch course directory)."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(Path(repo) / "nbgrader_config.py", dest / "nbgrader_config.py")
    shutil.copytree(Path(repo) / "source", dest / "source", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return dest


def solutions(course, assignment: str, notebook: str) -> dict[str, str]:
    """``{grade_id: code}`` of every code answer cell of the source notebook, markers removed."""
    nb = nbformat.read(Path(course) / "source" / assignment / f"{notebook}.ipynb", as_version=4)
    out = {}
    for cell in nb.cells:
        if cells.is_answer(cell) and cell.cell_type == "code":
            out[cells.grade_id(cell)] = "\n".join(
                ln for ln in cell.source.splitlines() if "### BEGIN SOLUTION" not in ln and "### END SOLUTION" not in ln
            )
        elif cells.is_answer(cell):
            out[cells.grade_id(cell)] = cell.source
    return out


def submission(course, assignment: str, notebook: str, answers: dict[str, str] | None = None,
               edit=None) -> nbformat.NotebookNode:
    """The released notebook with ``answers`` filled in; ``edit(nb)`` may change it further."""
    nb = nbformat.read(Path(course) / "release" / assignment / f"{notebook}.ipynb", as_version=4)
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if answers and cells.grade_id(cell) in answers:
            cell.source = answers[cells.grade_id(cell)]
    if edit:
        edit(nb)
    return nb


def hand_in(course, student: str, assignment: str, filename: str, content) -> Path:
    """Write a submission to submitted/<student>/<assignment>/<filename> (notebook or raw text)."""
    folder = Path(course) / "submitted" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / filename
    if isinstance(content, str):
        path.write_text(content)
    else:
        nbformat.write(content, path)
    return path


# ---------------------------------------------------------------------------
# Problem set 2: a class of typical submissions
# ---------------------------------------------------------------------------

MALICIOUS = r'''
import glob, os
root = os.path.abspath(os.path.join(os.getcwd(), "..", "..", ".."))
for db in glob.glob(os.path.join(root, "*.db")):
    try:
        os.remove(db)
    except OSError as err:
        print("could not remove", db, err)
for nb in glob.glob(os.path.join(root, "source", "**", "*.ipynb"), recursive=True):
    try:
        open(nb, "w").write("{}")
    except OSError as err:
        print("could not rewrite", nb, err)
for other in glob.glob(os.path.join(root, "submitted", "*", "*", "*.ipynb")):
    try:
        open(other, "w").write("overwritten")
    except OSError as err:
        print("could not overwrite", other, err)
print("course root visible:", sorted(os.listdir(root)))
'''


SLOW = "_warm_up = sum(i % 7 for i in range(20_000_000))  # needless work: slow, but right\n"


def _replace(code: str, old: str, new: str) -> str:
    if old not in code:
        raise ValueError(f"simulated student: {old!r} not found in the solution")
    return code.replace(old, new)


def ps2_answers(sol: dict[str, str], kind: str) -> dict[str, str]:
    """Answers of a simulated ps2 student of the given ``kind`` (see PS2_STUDENTS)."""
    a = dict(sol)
    if kind == "right":
        pass
    elif kind == "reversed":      # positive and negative items swapped
        a["djg_score"] = _replace(a["djg_score"], "negative = {2, 3, 5, 6, 9, 10}", "negative = {1, 4, 7, 8, 11}")
    elif kind == "off_by_one":    # every cut-off one off
        a["djg_level"] = _replace(a["djg_level"], "if score <= 2:", "if score < 2:")
        a["lsns6_isolated"] = _replace(a["lsns6_isolated"], "return score < 12", "return score <= 12")
        a["quadrant"] = _replace(a["quadrant"], "lonely = djg_total >= 3", "lonely = djg_total > 3")
    elif kind == "isolated_off_by_one":
        a["lsns6_isolated"] = _replace(a["lsns6_isolated"], "return score < 12", "return score <= 12")
    elif kind == "quadrant_off_by_one":
        a["quadrant"] = _replace(a["quadrant"], "lonely = djg_total >= 3", "lonely = djg_total > 3")
    elif kind == "no_validation":  # checks the length only
        a["djg_score"] = re.sub(r"        if not isinstance\(answer, str\):\n.*?\n", "", a["djg_score"])
        a["djg_score"] = _replace(a["djg_score"], 'if answer not in ("yes", "more or less", "no"):', "if False:")
        a["djg_score"] = _replace(a["djg_score"], "answer = answer.strip().lower()", "answer = str(answer).strip().lower()")
        a["lsns6_score"] = _replace(a["lsns6_score"], "or not 0 <= answer <= 5", "and False")
    elif kind == "endless_loop":  # an endless loop in one answer
        a["djg_level"] = _replace(a["djg_level"], '"""Return the Dutch loneliness level for a De Jong Gierveld total."""',
                                  '"""Return the Dutch loneliness level for a De Jong Gierveld total."""\n    while True:\n        pass')
    elif kind == "slow":  # right, but slow: about a second of needless work (no time limit reached)
        a["djg_score"] = SLOW + a["djg_score"]
    elif kind == "import_error":  # the first answer cell fails on import
        a["djg_score"] = "import loneliness_tools  # no such module\n" + a["djg_score"]
    elif kind == "huge_output":
        a["djg_score"] = a["djg_score"] + "\nprint('x' * 5_000_000)\nfor i in range(200_000):\n    print(i)"
    elif kind == "exits_kernel":  # ends the Python process
        a["djg_level"] = "import os\nos._exit(1)\n" + a["djg_level"]
    elif kind == "malicious":
        a["djg_score"] = MALICIOUS + "\n" + a["djg_score"]
    else:
        raise ValueError(f"unknown kind of student: {kind}")
    return a


#: Simulated students of ps2: name -> (kind of answers, edit of the notebook or None).
def _change_test(nb, gid="test_quadrant"):
    for cell in nb.cells:
        if cells.grade_id(cell) == gid:
            cell.source = '"""Checks nothing (edited by the student)."""\nassert True'


def _delete_test(nb, gid="test_lsns6_isolated"):
    nb.cells = [c for c in nb.cells if cells.grade_id(c) != gid]


PS2_STUDENTS = {
    "right": ("right", None),
    "reversed": ("reversed", None),
    "offbyone": ("off_by_one", None),
    "novalidation": ("no_validation", None),
    "loop": ("endless_loop", None),
    "importerror": ("import_error", None),
    "hugeoutput": ("huge_output", None),
    "malicious": ("malicious", None),
    # wrong answer + the test that would catch it edited or deleted:
    "edittest": ("quadrant_off_by_one", _change_test),
    "deltest": ("isolated_off_by_one", _delete_test),
}


# ---------------------------------------------------------------------------
# Problem set 2: hostile students (escapes, limits and exploits)
# ---------------------------------------------------------------------------
# Each is built from the released notebook. The "context" the tests pass in
# names what a hostile student would go after: a secret file outside the
# course, a secret environment variable of the grader, the grader's process
# id, and the port of a listener on 127.0.0.1.

SPY = '''
import glob, os
def _peek(path):
    try:
        with open(path, errors="replace") as fh:
            return fh.read()[:2000]
    except OSError as err:
        return f"<{{type(err).__name__}}>"
for _path in ({secret_file!r}, "/etc/shadow", "/etc/passwd", "/proc/1/environ", "/proc/{grader_pid}/environ",
              "/proc/self/environ", os.path.expanduser("~/.ssh/id_rsa")):
    print("read", _path, _peek(_path))
print("env", os.environ.get({secret_env!r}), dict(os.environ))
for _folder in ("/root", "/home", "/work", "/proc", "/etc"):
    print("list", _folder, sorted(glob.glob(_folder + "/*"))[:50])
'''

NETWORK = '''
import socket
socket.create_connection(("127.0.0.1", {port}), timeout=3).sendall(b"hello from a student")
'''

DAEMON = '''
import os, subprocess
subprocess.Popen(["sleep", "{sleep}"], start_new_session=True)
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        os.execvp("sleep", ["sleep", "{sleep}"])
    os._exit(0)
'''

MEMORY_HOG = "hog = bytearray(4 * 2**30)  # 4 GiB\n"
FORK_BOMB = "import subprocess\nchildren = [subprocess.Popen(['sleep', '60']) for _ in range(400)]\n"
DISK_FILLER = ("with open('filler.bin', 'wb') as fh:\n    for _ in range(40):\n"
               "        fh.write(b'x' * (10 * 2**20))  # 400 MiB in all\n")

ALWAYS_EQUAL = '''
class Anything:
    """Equal to every value."""
    def __eq__(self, other):
        return True
    def __ne__(self, other):
        return False
    __hash__ = object.__hash__
    def __iter__(self):
        return iter([Anything(), Anything()])
'''
RIGGED = '''
class Five(int):
    def __eq__(self, other):
        return True
    __hash__ = int.__hash__
class Word(str):
    def __eq__(self, other):
        return True
    __hash__ = str.__hash__
class Pair(tuple):
    def __eq__(self, other):
        return True
    __hash__ = tuple.__hash__
'''
SWALLOW_ERRORS = '''
ip = get_ipython()
ip.set_custom_exc((Exception,), lambda shell, etype, value, tb, tb_offset=None: None)
ip.events.register("post_run_cell", lambda result: setattr(result, "error_in_exec", None))
'''
HIDE_TRACEBACKS = '''
ip = get_ipython()
ip.showtraceback = lambda *args, **kwargs: None
ip.events.register("post_run_cell", lambda result: setattr(result, "error_in_exec", None))
'''
EXCEPTHOOK = "import sys\nsys.excepthook = lambda *args: None\n"
PATCHED_TYPE = '''
import builtins
_real_type = builtins.type
def _type(obj, *rest):
    if rest:
        return _real_type(obj, *rest)
    return int if _real_type(obj).__name__ == "Anything" else _real_type(obj)
builtins.type = _type
'''
READ_TESTS = '''
import glob, json, re
_found = {}
for _path in glob.glob("*.ipynb") + glob.glob("/tmp/**/*.ipynb", recursive=True):
    for _cell in json.load(open(_path))["cells"]:
        _found[_path] = "".join(_cell["source"])
def _expected_from_history():
    """The value the currently running test expects, read from the kernel's input history."""
    match = re.search(r"== (\\d+)", In[-1]) if In else None
    return int(match.group(1)) if match else 0
'''
READ_FRAMES = '''
import sys
def _expected_from_caller():
    """The first whole number among the calling test's constants."""
    consts = sys._getframe(2).f_code.co_consts
    return next((c for c in consts if type(c) is int and c > 0), 0)
'''


def _functions_returning(value: str) -> dict[str, str]:
    names = {"djg_score": "answers", "djg_subscales": "answers", "djg_level": "score", "lsns6_score": "answers",
             "lsns6_isolated": "score", "quadrant": "djg_total, lsns6_total"}
    return {f: f"def {f}({args}):\n    return {value}\n" for f, args in names.items()}


def hostile_answers(sol: dict[str, str], released: dict[str, str], kind: str, context: dict) -> dict[str, str]:
    """Answers of a hostile ps2 student (see HOSTILE_STUDENTS); ``released`` are the empty answer cells."""
    if kind == "spy":                 # right answers, and a look at everything it can reach
        return {**sol, "djg_score": SPY.format(**context) + sol["djg_score"]}
    if kind == "memory":              # right answers, but one cell asks for 4 GiB first
        return {**sol, "djg_level": MEMORY_HOG + sol["djg_level"]}
    if kind == "processes":
        return {**sol, "djg_level": FORK_BOMB + sol["djg_level"]}
    if kind == "disk":
        return {**sol, "djg_level": DISK_FILLER + sol["djg_level"]}
    if kind in ("network", "daemon"):  # the attempt is in a cell of its own (added_cells)
        return dict(sol)
    if kind == "always_equal":        # no work: every function returns an object equal to everything
        return {**released, **{k: ALWAYS_EQUAL + v for k, v in _functions_returning("Anything()").items()}}
    if kind == "rigged_types":        # no work: int/str/tuple subclasses whose __eq__ is always True
        rigged = _functions_returning("Five(0)")
        rigged["quadrant"] = rigged["quadrant"].replace("Five(0)", "Word('')")
        rigged["djg_subscales"] = rigged["djg_subscales"].replace("Five(0)", "Pair((Five(0), Five(0)))")
        return {**released, **rigged, "djg_score": RIGGED + rigged["djg_score"]}
    if kind == "swallow_errors":      # no work: failing tests hidden by an exception handler and a hook
        return {**released, "djg_score": SWALLOW_ERRORS + released["djg_score"]}
    if kind == "hide_tracebacks":     # no work: the traceback display patched away, and the same hook
        return {**released, "djg_score": HIDE_TRACEBACKS + released["djg_score"]}
    if kind == "excepthook":
        return {**released, "djg_score": EXCEPTHOOK + released["djg_score"]}
    if kind == "patched_builtins":    # no work: Anything objects, and type() patched to call them int
        return {**released, **{k: ALWAYS_EQUAL + PATCHED_TYPE + v
                               for k, v in _functions_returning("Anything()").items()}}
    if kind == "quits_early":         # wrong answers, then the kernel ended before any test
        wrong = _functions_returning("0")
        return {**released, **wrong, "djg_score": wrong["djg_score"] + "quit()\n"}
    if kind == "reads_tests":         # no work: the expected values read from the notebook or the history
        body = _functions_returning("_expected_from_history()")
        return {**released, **body, "djg_score": READ_TESTS + body["djg_score"]}
    if kind == "reads_frames":        # no work: the expected value read from the calling test's code
        body = _functions_returning("_expected_from_caller()")
        return {**released, **body, "djg_score": READ_FRAMES + body["djg_score"]}
    raise ValueError(f"unknown kind of hostile student: {kind}")


def added_cells(kind: str, context: dict) -> list[str]:
    """Code cells a hostile student adds at the top of the notebook."""
    if kind == "network":
        return [NETWORK.format(**context)]
    if kind == "daemon":
        return [DAEMON.format(**context)]
    return []


#: Hostile students of ps2: name -> kind (see hostile_answers).
HOSTILE_STUDENTS = {k: k for k in (
    "spy", "network", "memory", "processes", "disk", "daemon", "always_equal", "rigged_types", "swallow_errors",
    "hide_tracebacks", "excepthook", "patched_builtins", "quits_early", "reads_tests", "reads_frames")}


def hostile_submission(course, kind: str, context: dict, assignment: str = "ps2_measurement",
                       notebook: str = "measurement") -> nbformat.NotebookNode:
    released = {cells.grade_id(c): c.source for c in
                nbformat.read(Path(course) / "release" / assignment / f"{notebook}.ipynb", as_version=4).cells
                if cells.is_answer(c)}
    answers = hostile_answers(solutions(course, assignment, notebook), released, kind, context)

    def add(nb):
        for code in reversed(added_cells(kind, context)):
            nb.cells.insert(1, nbformat.v4.new_code_cell(code))

    return submission(course, assignment, notebook, answers, add)
