"""Instant feedback for the practice notebooks in ``exercises/``.

In a practice notebook::

    from socialbrain.check import check, show_answer
    answer = 150 / 50
    check("ex1.1", answer)      # prints "right!" or "not yet" with a hint
    show_answer("ex1.1")        # the worked answer, folded away behind a click
    set_language("nl")          # feedback in Dutch from now on (the Dutch book's pages are Dutch already)

The tasks themselves (expected answers, typical mistakes and their hints,
worked answers) live in one place for instructors:
``socialbrain/check/tasks/exNN.py``, one module per practice notebook.
"""

from socialbrain.i18n import set_language

from .core import Mistake, Result, Task, check, show_answer

__all__ = ["check", "show_answer", "set_language", "Task", "Mistake", "Result"]
