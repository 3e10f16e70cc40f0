"""How a practice task is described, checked and explained.

A :class:`Task` holds everything an instructor needs in one place: the
expected answer, the typical mistakes with the hint each one gets, and the
worked answer. The task modules in :mod:`socialbrain.check.tasks` (one per
practice notebook) are lists of these.

:func:`check` is what students call. It prints short, kind feedback and
returns a :class:`Result`; it never raises, whatever it is given.
:func:`show_answer` shows a worked answer folded away behind a click.
"""

from __future__ import annotations

import difflib
import html
import re
import textwrap
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from socialbrain.i18n import _

from .kinds import Kind, Labels, NotAttempted, NotReadable

#: After this many wrong tries, the feedback says how to see the worked answer.
TRIES_BEFORE_OFFER = 3

#: Printed feedback is wrapped to this width, so it reads well in the book and in Jupyter.
WIDTH = 88

_NOTHING = object()


@dataclass(frozen=True)
class Mistake:
    """A typical wrong answer and the hint it gets.

    Give either ``equals`` (a wrong answer, compared the way the task compares
    answers) or ``when`` (a function of the cleaned answer that returns True
    for this mistake). The hint points at the slip, never at the answer.
    """

    hint: str
    equals: Any = _NOTHING
    when: Callable[[Any], bool] | None = None

    def matches(self, kind: Kind, value) -> bool:
        try:
            if self.when is not None:
                return bool(self.when(value))
            return self.equals is not _NOTHING and bool(kind.same(value, self.equals))
        except Exception:
            return False


@dataclass(frozen=True)
class Task:
    """One practice task.

    id:          "ex3.2" (notebook 3, task 2)
    title:       short name, as in the notebook heading
    objective:   the chapter learning objective it practises
    kind:        how to read the answer (see :mod:`socialbrain.check.kinds`)
    expected:    the right answer, or a function of the cleaned answer -> bool
    start:       what to do first; shown while the blank is still ``...``
    hint:        shown for a wrong answer that matches no known mistake
    mistakes:    typical wrong answers, each with its own hint
    item_hints:  for list-of-labels tasks: one hint per position (what to look at)
    worked:      the worked answer: code that replaces the blank line
    explanation: why the worked answer is right (shown with it)
    blank:       the line in the notebook cell the student replaces
    praise:      one sentence for a right answer: what it means
    """

    id: str
    title: str
    objective: str
    kind: Kind
    expected: Any
    start: str
    hint: str
    worked: str
    explanation: str
    mistakes: tuple[Mistake, ...] = ()
    item_hints: tuple[str, ...] = ()
    blank: str = "answer = ..."
    praise: str = ""

    def texts(self) -> list[str]:
        """The task's prose a student reads; `make catalogs` puts it in the package's catalog."""
        return [t for t in (self.title, self.start, self.hint, self.praise, self.explanation, self.kind.what,
                            *(m.hint for m in self.mistakes), *self.item_hints) if t]

    def is_right(self, value) -> bool:
        if callable(self.expected):
            return bool(self.expected(value))
        return bool(self.kind.same(value, self.expected))


@dataclass
class Result:
    """What :func:`check` found. ``ok`` is True only for a right answer.

    ``status`` is one of "right", "not yet" (a wrong answer), "blank" (still
    ``...``), "unreadable" (not the kind of answer the task wants) or
    "unknown task".
    """

    task_id: str
    ok: bool
    status: str
    message: str
    tries: int = 0
    _printed: bool = field(default=False, repr=False)

    def __str__(self) -> str:
        return self.message

    def _ipython_display_(self):
        # check() has already printed the message in this cell: do not repeat it.
        if self._printed:
            self._printed = False
            return
        print(wrap(self.message))


def _hint(text: str) -> str:
    """A hint line: "Hint: ..." in the language in use (``text`` translated where the catalog has it)."""
    return _("Hint:") + " " + _(text)


def wrap(message: str) -> str:
    """Wrap each line of a feedback message to :data:`WIDTH` characters."""
    hint = _("Hint:") + " "
    return "\n".join(
        textwrap.fill(line, WIDTH, subsequent_indent=" " * len(hint) if line.startswith(hint) else "",
                      break_on_hyphens=False, break_long_words=False)
        for line in message.split("\n")
    )


# --------------------------------------------------------------------------
# Finding tasks
# --------------------------------------------------------------------------

_ID = re.compile(r"^(?:ex)?\s*(\d+)\s*\.\s*(\d+)$")


def normalise_id(task_id) -> str | None:
    """"ex3.2", "EX 3.2" and "3.2" all become "ex3.2"; anything else gives None."""
    if not isinstance(task_id, str):
        return None
    match = _ID.match(task_id.strip().lower())
    if not match:
        return None
    return f"ex{int(match.group(1))}.{int(match.group(2))}"


def _unknown_task_message(task_id, known) -> str:
    if not isinstance(task_id, str):
        return _("The first thing inside check( ) should be the task's name in quotes, like \"ex3.2\", "
                 "but it is {value}.").format(value=repr(task_id))
    close = difflib.get_close_matches(str(task_id).strip().lower(), list(known), n=1, cutoff=0.5)
    tip = " " + _("Did you mean \"{name}\"?").format(name=close[0]) if close else ""
    return _("There is no practice task called {value}.{tip} The name is in the cell, "
             "like \"ex3.2\" for notebook 3, task 2.").format(value=repr(task_id), tip=tip)


# --------------------------------------------------------------------------
# check and show_answer
# --------------------------------------------------------------------------

_wrong_tries: Counter = Counter()


def _label(task: Task) -> str:
    return _("Task {number}").format(number=task.id[2:])


def _judge(task_id, answer, tasks: dict[str, Task]) -> Result:
    key = normalise_id(task_id)
    if key is None or key not in tasks:
        message = _("Not yet.") + " " + _unknown_task_message(task_id, tasks)
        return Result(str(task_id), False, "unknown task", message)
    task = tasks[key]
    head = _label(task)

    if answer is Ellipsis:
        message = (_("{task}: not yet. Replace the ... with your answer, then run the cell again.").format(task=head)
                   + "\n" + _hint(task.start))
        return Result(key, False, "blank", message)

    try:
        value = task.kind.read(answer)
    except NotAttempted as problem:
        message = _("{task}: not yet.").format(task=head) + f" {problem.args[0]}\n" + _hint(task.start)
        return Result(key, False, "blank", message)
    except NotReadable as problem:
        _wrong_tries[key] += 1
        message = _("{task}: not yet.").format(task=head) + f" {problem.args[0]}\n" + _hint(task.start)
        return Result(key, False, "unreadable", message + _offer(task), _wrong_tries[key])

    if task.is_right(value):
        praise = f" {_(task.praise)}" if task.praise else ""
        return Result(key, True, "right", _("{task}: right!").format(task=head) + praise, _wrong_tries[key])

    _wrong_tries[key] += 1
    message = _("{task}: not yet.").format(task=head) + _wrong_message(task, value)
    return Result(key, False, "not yet", message + _offer(task), _wrong_tries[key])


def _wrong_message(task: Task, value) -> str:
    for mistake in task.mistakes:
        if mistake.matches(task.kind, value):
            return "\n" + _hint(mistake.hint)
    if isinstance(task.kind, Labels) and not callable(task.expected):
        wrong = [i for i, (v, e) in enumerate(zip(value, task.expected)) if v != e]
        if wrong:
            n = len(wrong)
            count = " " + (_("{n} of your {total} labels is not right yet.") if n == 1
                           else _("{n} of your {total} labels are not right yet.")).format(n=n, total=len(task.expected))
            first = wrong[0]
            if first < len(task.item_hints):
                return f"{count}\n" + _hint(task.item_hints[first])
            return f"{count}\n" + _hint(task.hint)
    return "\n" + _hint(task.hint)


def _offer(task: Task) -> str:
    tries = _wrong_tries[task.id]
    if tries < TRIES_BEFORE_OFFER:
        return ""
    return "\n" + _("You have tried {tries} times: good, that is how this works. If you would like to "
                    "compare with a worked answer, run show_answer(\"{task}\") in a new cell.").format(tries=tries, task=task.id)


def check(task_id, answer) -> Result:
    """Check ``answer`` for practice task ``task_id`` (like "ex3.2") and print feedback.

    Returns a :class:`Result` whose ``ok`` is True for a right answer.
    Never raises: any problem with the answer becomes a message.
    """
    try:
        from .tasks import TASKS
    except Exception as exc:  # a bug in the course package, not in the answer
        result = Result(
            str(task_id), False, "unknown task",
            _("Not yet: the practice tasks could not be loaded ({error}). This is a problem in the course "
              "package, not in your answer: please tell your instructor.").format(error=f"{type(exc).__name__}: {exc}"),
        )
        print(wrap(result.message))
        return result
    try:
        result = _judge(task_id, answer, TASKS)
    except Exception as exc:  # a safety net: the student must never see a traceback
        result = Result(
            str(task_id), False, "unreadable",
            _("Not yet. The checker could not make sense of this answer ({error}). Look at what the task "
              "asks for (a number? a list?) and try again.").format(error=type(exc).__name__),
        )
    print(wrap(result.message))
    result._printed = True
    return result


def worked_answer_html(task: Task) -> str:
    """The worked answer as a collapsed HTML <details> element."""
    paragraphs = "".join(
        f"<p>{html.escape(p.strip())}</p>" for p in _(task.explanation).split("\n\n") if p.strip()
    )
    summary = _("Worked answer to task {number}: {title} (click to open; try it yourself first)").format(
        number=task.id[2:], title=_(task.title))
    return (
        '<details class="worked-answer">'
        f"<summary>{html.escape(summary)}</summary>"
        f"<pre><code>{html.escape(task.worked)}</code></pre>"
        f"{paragraphs}</details>"
    )


def worked_answer_text(task: Task) -> str:
    heading = _("Worked answer to task {number}: {title}").format(number=task.id[2:], title=_(task.title))
    return f"{heading}\n\n{task.worked}\n\n{_(task.explanation).strip()}"


def show_answer(task_id) -> None:
    """Show the worked answer to a task, folded away: click to open it."""
    try:
        from .tasks import TASKS

        key = normalise_id(task_id)
        if key is None or key not in TASKS:
            print(wrap(_unknown_task_message(task_id, TASKS)))
            return
        task = TASKS[key]
        text, markup = worked_answer_text(task), worked_answer_html(task)
    except Exception as exc:  # pragma: no cover - safety net
        print(_("Sorry, the worked answer could not be shown ({error}).").format(error=type(exc).__name__))
        return
    try:
        from IPython import get_ipython
        from IPython.display import display

        if get_ipython() is not None:
            display({"text/html": markup, "text/plain": text}, raw=True)
            return
    except Exception:  # pragma: no cover - no IPython: fall back to plain text
        pass
    print(text)
