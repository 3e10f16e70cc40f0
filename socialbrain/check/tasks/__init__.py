"""All practice tasks, one module per practice notebook (``exercises/NN-*.md``).

Each module ``exNN`` defines ``TASKS``, a list of
:class:`socialbrain.check.core.Task`. This is the one place where expected
answers, the hints for typical mistakes and the worked answers live.
"""

from __future__ import annotations

from importlib import import_module

#: Notebook number -> the file name of its practice notebook (without .md).
NOTEBOOKS = {
    1: "01-wired-for-others",
    2: "02-rejection-hurts",
    3: "03-the-brains-own-painkillers",
    4: "04-love-loss-and-craving",
    5: "05-loneliness-is-not-isolation",
    6: "06-the-lonely-brain-under-pressure",
    7: "07-coping-with-rejection",
    8: "08-approach-and-avoidance",
}


def _load() -> dict:
    tasks = {}
    for number in NOTEBOOKS:
        module = import_module(f"{__name__}.ex{number:02d}")
        for task in module.TASKS:
            if task.id in tasks:
                raise ValueError(f"task id {task.id} is defined twice")
            if not task.id.startswith(f"ex{number}."):
                raise ValueError(f"task {task.id} sits in the module for notebook {number}")
            tasks[task.id] = task
    return tasks


#: Every task by id ("ex3.2").
TASKS = _load()


def tasks_for(number: int) -> list:
    """The tasks of practice notebook ``number``, in order."""
    return [t for t in TASKS.values() if t.id.startswith(f"ex{number}.")]
