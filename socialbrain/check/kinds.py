"""Ways of reading a student's answer: one number, a few labels, a set, a function...

``check`` never trusts an answer to be what the task asked for. Each task
names a *kind*; the kind turns whatever the student typed into a clean value
(a float, a tuple of labels, a frozenset) or explains in plain words why it
cannot (:class:`NotReadable`). Comparing with the expected answer then only
ever happens between clean values, so it cannot crash.
"""

from __future__ import annotations

import difflib
import math
import numbers
import re
from dataclasses import dataclass, field

#: Longest list any task reads. Longer answers get a message, not a slow loop.
MAX_ITEMS = 100_000


class NotReadable(Exception):
    """The answer cannot be read as the kind the task wants; ``args[0]`` says why."""


class NotAttempted(NotReadable):
    """The answer is still the untouched blank (such as a function whose body is ``...``)."""


# --------------------------------------------------------------------------
# Describing and sizing values without ever failing
# --------------------------------------------------------------------------

def describe(value) -> str:
    """A short, student-friendly description of a value ("the text 'b'", "a list of 3 items")."""
    try:
        if value is None:
            return "None"
        if value is Ellipsis:
            return "..."
        if isinstance(value, bool):
            return str(value)
        if isinstance(value, str):
            shown = value if len(value) <= 40 else value[:37] + "..."
            return f"the text {shown!r}"
        if callable(value) and not hasattr(value, "__len__"):
            return "a function"
        n = _length(value)
        name = type(value).__name__
        plural = "item" if n == 1 else "items"
        if name == "ndarray":
            return f"a numpy array with {n:,} {plural}"
        if n is not None:
            return f"a {name} of {n:,} {plural}"
        return f"a {name}"
    except Exception:  # pragma: no cover - describing must never fail
        return "an answer of an unusual type"


def _length(value):
    """len(value), or None when it has no length (numbers, generators, 0-d arrays)."""
    try:
        return len(value)
    except Exception:
        return None


def _is_numpy_array(value) -> bool:
    return type(value).__module__ == "numpy" and type(value).__name__ == "ndarray"


def _as_plain_list(value, what: str, max_items: int = MAX_ITEMS) -> list:
    """Turn a list, tuple, set, numpy array or pandas Series into a Python list, safely."""
    if value is None:
        raise NotReadable(_none_message(what))
    if isinstance(value, (str, bytes)):
        raise NotReadable(
            f"Your answer is {describe(value)}, one piece of text. This task wants {what}: "
            "put the items in square brackets, separated by commas, like [\"a\", \"b\"]."
        )
    if isinstance(value, dict):
        raise NotReadable(
            f"Your answer is a dictionary (with curly brackets and colons). This task wants {what}, "
            "written in square brackets like [\"a\", \"b\"]."
        )
    n = _length(value)
    if n is None:
        if hasattr(value, "__iter__") and hasattr(value, "__next__"):
            raise NotReadable(
                "Your answer is a generator: a recipe for values that has not produced them yet. "
                "Put list( ) around it, or use square brackets [ ... for ... in ... ]."
            )
        raise NotReadable(f"Your answer is {describe(value)}. This task wants {what}.")
    if n > max_items:
        raise NotReadable(
            f"Your answer has {n:,} items, far more than this task needs. It wants {what}."
        )
    if _is_numpy_array(value) and getattr(value, "ndim", 1) != 1:
        raise NotReadable(
            f"Your answer is a table of numbers with shape {tuple(value.shape)}. "
            f"This task wants {what} in a single row."
        )
    try:
        if hasattr(value, "tolist") and not isinstance(value, (list, tuple)):
            items = value.tolist()          # numpy arrays and pandas Series
        else:
            items = list(value)
    except Exception:
        raise NotReadable(f"Python could not read your answer ({describe(value)}) as {what}.")
    if any(item is Ellipsis for item in items):
        raise NotReadable("Some places in your answer still hold ... : replace every ... with your answer.")
    return items


def _none_message(what: str) -> str:
    return (
        "Your answer is None, Python's word for 'nothing'. That usually means the line "
        "after answer = printed something or called a function that gives nothing back. "
        f"Put the value itself after the = sign: this task wants {what}."
    )


def normalise_text(text: str) -> str:
    """Lower case, single spaces, no surrounding quotes or full stop, British spelling."""
    text = str(text).strip().strip("'\"").strip().rstrip(".").lower()
    text = re.sub(r"[\s_-]+", " ", text)
    return text.replace("generalization", "generalisation").replace("personalization", "personalisation") \
        .replace("catastrophizing", "catastrophising").replace("disorganized", "disorganised")


# --------------------------------------------------------------------------
# The kinds
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class Kind:
    """Base class. ``what`` names the wanted answer in messages ("one number")."""

    what: str = "an answer"

    def read(self, answer):  # pragma: no cover - overridden
        raise NotImplementedError

    def same(self, value, expected) -> bool:
        return value == expected


@dataclass(frozen=True)
class Number(Kind):
    """One number, right within ``tolerance``."""

    what: str = "one number"
    tolerance: float = 1e-6

    def read(self, answer) -> float:
        return read_number(answer, self.what)

    def same(self, value, expected) -> bool:
        return abs(value - expected) <= self.tolerance


def read_number(answer, what: str = "one number") -> float:
    """Read one real number from ``answer`` or raise :class:`NotReadable`."""
    if answer is None:
        raise NotReadable(_none_message(what))
    if isinstance(answer, bool) or type(answer).__name__ == "bool_":
        raise NotReadable(
            f"Your answer is {bool(answer)}, a yes/no value. This task wants {what}."
        )
    if isinstance(answer, str):
        cleaned = answer.strip().rstrip("%").replace(",", ".")
        try:
            float(cleaned)
        except ValueError:
            raise NotReadable(f"Your answer is {describe(answer)}. This task wants {what}, not text.")
        raise NotReadable(
            f"You wrote the number as text, inside quotes ({answer!r}). "
            "Remove the quotes so that Python sees a number, not a word."
        )
    if isinstance(answer, complex):
        raise NotReadable("Your answer is a complex number (it has a j part). This task wants a real number.")
    if callable(answer) and not hasattr(answer, "__len__") and not isinstance(answer, numbers.Number):
        raise NotReadable(
            "Your answer is a function itself, not a number. Call the function by putting ( ) after its name."
        )
    if isinstance(answer, dict):
        raise NotReadable(f"Your answer is a dictionary. This task wants {what}.")
    if _is_numpy_array(answer) or _length(answer) is not None:
        n = _length(answer) if not _is_numpy_array(answer) else int(answer.size)
        if n == 1:
            try:
                inner = answer.item() if hasattr(answer, "item") else list(answer)[0]
            except Exception:
                inner = None
            return read_number(inner, what)
        shape = tuple(getattr(answer, "shape", ()))
        if shape == (2, 2):
            raise NotReadable(
                "Your answer is a small table of 2 rows and 2 columns, like the one np.corrcoef gives. "
                "This task wants one number from it: pick it with [row, column], counting from 0."
            )
        if n == 0:
            raise NotReadable(f"Your answer is empty ({describe(answer)}). This task wants {what}.")
        raise NotReadable(
            f"This task wants {what}, but your answer holds {n:,} values ({describe(answer)})."
        )
    try:
        value = float(answer)
    except Exception:
        raise NotReadable(f"Python cannot read your answer ({describe(answer)}) as a number. This task wants {what}.")
    if math.isnan(value):
        raise NotReadable(
            "Your answer is NaN ('not a number'). That usually comes from dividing 0 by 0 "
            "or from a missing value somewhere in the calculation."
        )
    if math.isinf(value):
        raise NotReadable(
            "Your answer is infinite. That usually comes from dividing by 0: check what is under the division sign."
        )
    return value


def _refuse_single_number(answer, what) -> None:
    """A single number where a list is wanted gets its own message, not a generic one."""
    if answer is None or isinstance(answer, (str, bytes, dict)) or _length(answer) is not None \
            or _is_numpy_array(answer):
        return
    try:
        read_number(answer)
    except NotReadable:
        return
    raise NotReadable(f"Your answer is a single number. This task wants {what}.")


@dataclass(frozen=True)
class Numbers(Kind):
    """A fixed number of numbers, in order, each right within ``tolerance``."""

    what: str = "a few numbers"
    length: int = 2
    tolerance: float = 1e-6

    def read(self, answer) -> tuple[float, ...]:
        _refuse_single_number(answer, self.what)
        items = _as_plain_list(answer, self.what)
        if len(items) != self.length:
            raise NotReadable(
                f"Your answer holds {len(items):,} values; this task wants {self.length}: {self.what}."
            )
        values = []
        for position, item in enumerate(items, start=1):
            try:
                values.append(read_number(item))
            except NotReadable as problem:
                raise NotReadable(f"Value {position} of your answer: {problem.args[0]}")
        return tuple(values)

    def same(self, value, expected) -> bool:
        return len(value) == len(expected) and all(
            abs(v - e) <= self.tolerance for v, e in zip(value, expected)
        )


@dataclass(frozen=True)
class NumberSet(Kind):
    """A collection of numbers where order does not matter (duplicates are ignored)."""

    what: str = "a list of numbers"
    max_items: int = 1000

    def read(self, answer) -> frozenset:
        items = _as_plain_list(answer, self.what, self.max_items)
        values = set()
        for position, item in enumerate(items, start=1):
            try:
                value = read_number(item)
            except NotReadable as problem:
                raise NotReadable(f"Item {position} of your answer: {problem.args[0]}")
            values.add(int(value) if value == int(value) else value)
        return frozenset(values)


@dataclass(frozen=True)
class Sample(Kind):
    """Many numbers (a simulation's results); ``expected`` is a test function."""

    what: str = "a list of numbers"
    max_items: int = MAX_ITEMS

    def read(self, answer):
        import numpy as np

        _refuse_single_number(answer, self.what)
        items = _as_plain_list(answer, self.what, self.max_items)
        values = []
        for position, item in enumerate(items, start=1):
            if isinstance(item, float) and math.isnan(item):
                values.append(math.nan)
                continue
            try:
                values.append(read_number(item))
            except NotReadable as problem:
                if "NaN" in problem.args[0]:
                    values.append(math.nan)
                    continue
                raise NotReadable(f"Value {position} of your answer: {problem.args[0]}")
        array = np.asarray(values, dtype=float)
        missing = int(np.isnan(array).sum())
        if missing:
            raise NotReadable(
                f"{missing:,} of your {array.size:,} values are NaN ('not a number'). "
                "A correlation is NaN when one of the two variables does not vary at all."
            )
        return array


@dataclass(frozen=True)
class Flag(Kind):
    """True or False."""

    what: str = "True or False"

    def read(self, answer) -> bool:
        if isinstance(answer, bool) or type(answer).__name__ == "bool_":
            return bool(answer)
        if answer is None:
            raise NotReadable(_none_message(self.what))
        if isinstance(answer, str):
            if answer.strip().lower() in ("true", "false", "yes", "no"):
                raise NotReadable(
                    f"You wrote {answer!r} as text, inside quotes. Write True or False without quotes, "
                    "with a capital letter: Python then reads it as a yes/no value."
                )
            raise NotReadable(f"Your answer is {describe(answer)}. This task wants True or False.")
        if isinstance(answer, numbers.Number):
            raise NotReadable(
                f"Your answer is the number {answer!r}. This task wants True or False "
                "(with a capital letter, no quotes)."
            )
        raise NotReadable(f"Your answer is {describe(answer)}. This task wants True or False.")


def _read_label(item, allowed: tuple[str, ...], where: str) -> str:
    if item is None:
        raise NotReadable(f"{where} is None. Write one of: {_listing(allowed)}.")
    if not isinstance(item, str):
        raise NotReadable(
            f"{where} is {describe(item)}, not text. Write each label in quotes, "
            f"one of: {_listing(allowed)}."
        )
    canonical = {normalise_text(a).replace(" ", ""): a for a in allowed}
    label = normalise_text(item).replace(" ", "")
    if label in canonical:
        return canonical[label]
    close = difflib.get_close_matches(label, list(canonical), n=1, cutoff=0.6)
    tip = f" Did you mean {canonical[close[0]]!r}?" if close else ""
    return_message = f"{where} is {item!r}, which is not one of the labels: {_listing(allowed)}.{tip}"
    raise NotReadable(return_message)


def _listing(allowed) -> str:
    return ", ".join(repr(a) for a in allowed)


@dataclass(frozen=True)
class Choice(Kind):
    """One option, usually a letter such as "b"."""

    what: str = "one letter"
    options: tuple[str, ...] = ("a", "b", "c", "d")

    def read(self, answer) -> str:
        if answer is None:
            raise NotReadable(_none_message(f"one of the letters {_listing(self.options)}"))
        if isinstance(answer, (list, tuple, set)) and len(answer) == 1:
            answer = next(iter(answer))
        if isinstance(answer, str):
            cleaned = normalise_text(answer).strip("()[] ")
            if cleaned in self.options:
                return cleaned
            raise NotReadable(
                f"Your answer is {describe(answer)}. Write just one of the letters "
                f"{_listing(self.options)}, in quotes, like \"{self.options[0]}\"."
            )
        raise NotReadable(
            f"Your answer is {describe(answer)}. Write one of the letters {_listing(self.options)} "
            f"in quotes, like \"{self.options[0]}\"."
        )


@dataclass(frozen=True)
class Labels(Kind):
    """A list of ``length`` labels, each one of ``allowed``, in a fixed order."""

    what: str = "a list of labels"
    length: int = 1
    allowed: tuple[str, ...] = ()
    distinct: bool = False  # every label used once (an ordering task)

    def read(self, answer) -> tuple[str, ...]:
        if isinstance(answer, str):
            raise NotReadable(
                f"Your answer is one piece of text. This task wants {self.length} labels in a list: "
                "square brackets, each label in quotes, commas between them."
            )
        items = _as_plain_list(answer, self.what)
        if len(items) != self.length:
            raise NotReadable(
                f"Your list has {len(items):,} labels; this task wants {self.length}, one for each "
                f"{'step' if self.distinct else 'statement'}, in the same order."
            )
        labels = tuple(
            _read_label(item, self.allowed, f"Label {position}") for position, item in enumerate(items, start=1)
        )
        if self.distinct and len(set(labels)) != len(labels):
            twice = sorted({lab for lab in labels if labels.count(lab) > 1})
            raise NotReadable(f"You used {_listing(twice)} more than once. Use each one exactly once.")
        return labels


@dataclass(frozen=True)
class TextSet(Kind):
    """A collection of texts (such as region names) where order does not matter."""

    what: str = "a set of names"
    allowed: tuple[str, ...] = ()   # empty: any text
    max_items: int = 1000

    def read(self, answer) -> frozenset:
        if isinstance(answer, str):
            raise NotReadable(
                f"Your answer is {describe(answer)}, one piece of text. This task wants {self.what}: "
                "a set in curly brackets, like {\"a\", \"b\"}, or a list in square brackets."
            )
        items = _as_plain_list(answer, self.what, self.max_items)
        values = set()
        for position, item in enumerate(items, start=1):
            if self.allowed:
                values.add(_read_label(item, self.allowed, f"Item {position}"))
            elif not isinstance(item, str):
                raise NotReadable(f"Item {position} of your answer is {describe(item)}, not a name in quotes.")
            else:
                values.add(normalise_text(item))
        return frozenset(values)

    def same(self, value, expected) -> bool:
        return frozenset(value) == frozenset(normalise_text(e) for e in expected)


@dataclass(frozen=True)
class Function(Kind):
    """A function; check calls it on ``cases`` and reads each result as a label."""

    what: str = "a function"
    cases: tuple[tuple, ...] = ()
    allowed: tuple[str, ...] = ()
    name: str = "your function"

    def read(self, answer) -> tuple[str, ...]:
        if answer is None or answer is Ellipsis or not callable(answer):
            raise NotReadable(
                f"Your answer is {describe(answer)}, not a function. Give the function's name "
                "without ( ) after it, so that check can try it out."
            )
        results = []
        for case in self.cases:
            shown = ", ".join(repr(c) for c in case)
            try:
                results.append(answer(*case))
            except RecursionError:
                raise NotReadable(f"When check called {self.name}({shown}), it kept calling itself without end.")
            except Exception as exc:  # the student's own code failed
                raise NotReadable(
                    f"When check called {self.name}({shown}), Python stopped with a "
                    f"{type(exc).__name__}: {exc}. Try that call yourself in a new cell to see where."
                )
        if all(result is None for result in results):
            raise NotAttempted(
                f"{self.name} gives back None (nothing) for every input: it has no return line yet, "
                "or it prints instead of returning. End each branch with return and the label."
            )
        labels = []
        for case, result in zip(self.cases, results):
            shown = ", ".join(repr(c) for c in case)
            labels.append(_read_label(result, self.allowed, f"What {self.name}({shown}) gives back"))
        return tuple(labels)
