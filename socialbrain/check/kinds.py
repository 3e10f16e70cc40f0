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

from socialbrain.i18n import N_, _, ngettext, number

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
            return _("the text {text}").format(text=repr(shown))
        if callable(value) and not hasattr(value, "__len__"):
            return _("a function")
        n = _length(value)
        name = type(value).__name__
        if name == "ndarray":
            return ngettext("a numpy array with {n} item", "a numpy array with {n} items", n).format(n=number(n))
        if n is not None:
            return ngettext("a {type} of {n} item", "a {type} of {n} items", n).format(type=name, n=number(n))
        return _("a {type}").format(type=name)
    except Exception:  # pragma: no cover - describing must never fail
        return _("an answer of an unusual type")


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
    what = _(what)
    if value is None:
        raise NotReadable(_none_message(what))
    if isinstance(value, (str, bytes)):
        raise NotReadable(_(
            "Your answer is {answer}, one piece of text. This task wants {what}: "
            "put the items in square brackets, separated by commas, like [\"a\", \"b\"]."
        ).format(answer=describe(value), what=what))
    if isinstance(value, dict):
        raise NotReadable(_(
            "Your answer is a dictionary (with curly brackets and colons). This task wants {what}, "
            "written in square brackets like [\"a\", \"b\"]."
        ).format(what=what))
    n = _length(value)
    if n is None:
        if hasattr(value, "__iter__") and hasattr(value, "__next__"):
            raise NotReadable(_(
                "Your answer is a generator: a recipe for values that has not produced them yet. "
                "Put list( ) around it, or use square brackets [ ... for ... in ... ]."
            ))
        raise NotReadable(_("Your answer is {answer}. This task wants {what}.").format(answer=describe(value), what=what))
    if n > max_items:
        raise NotReadable(
            _("Your answer has {n} items, far more than this task needs. It wants {what}.").format(n=number(n), what=what)
        )
    if _is_numpy_array(value) and getattr(value, "ndim", 1) != 1:
        raise NotReadable(_(
            "Your answer is a table of numbers with shape {shape}. "
            "This task wants {what} in a single row."
        ).format(shape=tuple(value.shape), what=what))
    try:
        if hasattr(value, "tolist") and not isinstance(value, (list, tuple)):
            items = value.tolist()          # numpy arrays and pandas Series
        else:
            items = list(value)
    except Exception:
        raise NotReadable(_("Python could not read your answer ({answer}) as {what}.").format(answer=describe(value), what=what))
    if any(item is Ellipsis for item in items):
        raise NotReadable(_("Some places in your answer still hold ... : replace every ... with your answer."))
    return items


def _none_message(what: str) -> str:
    return _(
        "Your answer is None, Python's word for 'nothing'. That usually means the line "
        "after answer = printed something or called a function that gives nothing back. "
        "Put the value itself after the = sign: this task wants {what}."
    ).format(what=_(what))


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

    what: str = N_("an answer")

    def read(self, answer):  # pragma: no cover - overridden
        raise NotImplementedError

    def same(self, value, expected) -> bool:
        return value == expected


@dataclass(frozen=True)
class Number(Kind):
    """One number, right within ``tolerance``."""

    what: str = N_("one number")
    tolerance: float = 1e-6

    def read(self, answer) -> float:
        return read_number(answer, self.what)

    def same(self, value, expected) -> bool:
        return abs(value - expected) <= self.tolerance


def read_number(answer, what: str = N_("one number")) -> float:
    """Read one real number from ``answer`` or raise :class:`NotReadable`."""
    what = _(what)
    if answer is None:
        raise NotReadable(_none_message(what))
    if isinstance(answer, bool) or type(answer).__name__ == "bool_":
        raise NotReadable(
            _("Your answer is {answer}, a yes/no value. This task wants {what}.").format(answer=bool(answer), what=what)
        )
    if isinstance(answer, str):
        cleaned = answer.strip().rstrip("%").replace(",", ".")
        try:
            float(cleaned)
        except ValueError:
            raise NotReadable(_("Your answer is {answer}. This task wants {what}, not text.").format(
                answer=describe(answer), what=what))
        raise NotReadable(_(
            "You wrote the number as text, inside quotes ({answer}). "
            "Remove the quotes so that Python sees a number, not a word."
        ).format(answer=repr(answer)))
    if isinstance(answer, complex):
        raise NotReadable(_("Your answer is a complex number (it has a j part). This task wants a real number."))
    if callable(answer) and not hasattr(answer, "__len__") and not isinstance(answer, numbers.Number):
        raise NotReadable(_(
            "Your answer is a function itself, not a number. Call the function by putting ( ) after its name."
        ))
    if isinstance(answer, dict):
        raise NotReadable(_("Your answer is a dictionary. This task wants {what}.").format(what=what))
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
            raise NotReadable(_(
                "Your answer is a small table of 2 rows and 2 columns, like the one np.corrcoef gives. "
                "This task wants one number from it: pick it with [row, column], counting from 0."
            ))
        if n == 0:
            raise NotReadable(_("Your answer is empty ({answer}). This task wants {what}.").format(
                answer=describe(answer), what=what))
        raise NotReadable(
            _("This task wants {what}, but your answer holds {n} values ({answer}).").format(
                what=what, n=number(n), answer=describe(answer))
        )
    try:
        value = float(answer)
    except Exception:
        raise NotReadable(_("Python cannot read your answer ({answer}) as a number. This task wants {what}.").format(
            answer=describe(answer), what=what))
    if math.isnan(value):
        raise NotReadable(_(
            "Your answer is NaN ('not a number'). That usually comes from dividing 0 by 0 "
            "or from a missing value somewhere in the calculation."
        ))
    if math.isinf(value):
        raise NotReadable(_(
            "Your answer is infinite. That usually comes from dividing by 0: check what is under the division sign."
        ))
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
    raise NotReadable(_("Your answer is a single number. This task wants {what}.").format(what=_(what)))


@dataclass(frozen=True)
class Numbers(Kind):
    """A fixed number of numbers, in order, each right within ``tolerance``."""

    what: str = N_("a few numbers")
    length: int = 2
    tolerance: float = 1e-6

    def read(self, answer) -> tuple[float, ...]:
        _refuse_single_number(answer, self.what)
        items = _as_plain_list(answer, self.what)
        if len(items) != self.length:
            raise NotReadable(
                _("Your answer holds {n} values; this task wants {length}: {what}.").format(
                    n=number(len(items)), length=self.length, what=_(self.what))
            )
        values = []
        for position, item in enumerate(items, start=1):
            try:
                values.append(read_number(item))
            except NotReadable as problem:
                raise NotReadable(_("Value {position} of your answer: {problem}").format(
                    position=position, problem=problem.args[0]))
        return tuple(values)

    def same(self, value, expected) -> bool:
        return len(value) == len(expected) and all(
            abs(v - e) <= self.tolerance for v, e in zip(value, expected)
        )


@dataclass(frozen=True)
class NumberSet(Kind):
    """A collection of numbers where order does not matter (duplicates are ignored)."""

    what: str = N_("a list of numbers")
    max_items: int = 1000

    def read(self, answer) -> frozenset:
        items = _as_plain_list(answer, self.what, self.max_items)
        values = set()
        for position, item in enumerate(items, start=1):
            try:
                value = read_number(item)
            except NotReadable as problem:
                raise NotReadable(_("Item {position} of your answer: {problem}").format(
                    position=position, problem=problem.args[0]))
            values.add(int(value) if value == int(value) else value)
        return frozenset(values)


@dataclass(frozen=True)
class Sample(Kind):
    """Many numbers (a simulation's results); ``expected`` is a test function."""

    what: str = N_("a list of numbers")
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
                raise NotReadable(_("Value {position} of your answer: {problem}").format(
                    position=position, problem=problem.args[0]))
        array = np.asarray(values, dtype=float)
        missing = int(np.isnan(array).sum())
        if missing:
            raise NotReadable(_(
                "{missing} of your {n} values are NaN ('not a number'). "
                "A correlation is NaN when one of the two variables does not vary at all."
            ).format(missing=number(missing), n=number(array.size)))
        return array


@dataclass(frozen=True)
class Flag(Kind):
    """True or False."""

    what: str = N_("True or False")

    def read(self, answer) -> bool:
        if isinstance(answer, bool) or type(answer).__name__ == "bool_":
            return bool(answer)
        if answer is None:
            raise NotReadable(_none_message(self.what))
        if isinstance(answer, str):
            if answer.strip().lower() in ("true", "false", "yes", "no"):
                raise NotReadable(_(
                    "You wrote {answer} as text, inside quotes. Write True or False without quotes, "
                    "with a capital letter: Python then reads it as a yes/no value."
                ).format(answer=repr(answer)))
            raise NotReadable(_("Your answer is {answer}. This task wants True or False.").format(answer=describe(answer)))
        if isinstance(answer, numbers.Number):
            raise NotReadable(_(
                "Your answer is the number {answer}. This task wants True or False "
                "(with a capital letter, no quotes)."
            ).format(answer=repr(answer)))
        raise NotReadable(_("Your answer is {answer}. This task wants True or False.").format(answer=describe(answer)))


def _read_label(item, allowed: tuple[str, ...], where: str) -> str:
    if item is None:
        raise NotReadable(_("{where} is None. Write one of: {labels}.").format(where=where, labels=_listing(allowed)))
    if not isinstance(item, str):
        raise NotReadable(_(
            "{where} is {answer}, not text. Write each label in quotes, one of: {labels}."
        ).format(where=where, answer=describe(item), labels=_listing(allowed)))
    canonical = {normalise_text(a).replace(" ", ""): a for a in allowed}
    label = normalise_text(item).replace(" ", "")
    if label in canonical:
        return canonical[label]
    close = difflib.get_close_matches(label, list(canonical), n=1, cutoff=0.6)
    message = _("{where} is {answer}, which is not one of the labels: {labels}.").format(
        where=where, answer=repr(item), labels=_listing(allowed))
    if close:
        message += " " + _("Did you mean {label}?").format(label=repr(canonical[close[0]]))
    raise NotReadable(message)


def _listing(allowed) -> str:
    return ", ".join(repr(a) for a in allowed)


@dataclass(frozen=True)
class Choice(Kind):
    """One option, usually a letter such as "b"."""

    what: str = N_("one letter")
    options: tuple[str, ...] = ("a", "b", "c", "d")

    def read(self, answer) -> str:
        if answer is None:
            raise NotReadable(_none_message(_("one of the letters {letters}").format(letters=_listing(self.options))))
        if isinstance(answer, (list, tuple, set)) and len(answer) == 1:
            answer = next(iter(answer))
        if isinstance(answer, str):
            cleaned = normalise_text(answer).strip("()[] ")
            if cleaned in self.options:
                return cleaned
            raise NotReadable(_(
                "Your answer is {answer}. Write just one of the letters {letters}, in quotes, like \"{first}\"."
            ).format(answer=describe(answer), letters=_listing(self.options), first=self.options[0]))
        raise NotReadable(_(
            "Your answer is {answer}. Write one of the letters {letters} in quotes, like \"{first}\"."
        ).format(answer=describe(answer), letters=_listing(self.options), first=self.options[0]))


@dataclass(frozen=True)
class Labels(Kind):
    """A list of ``length`` labels, each one of ``allowed``, in a fixed order."""

    what: str = N_("a list of labels")
    length: int = 1
    allowed: tuple[str, ...] = ()
    distinct: bool = False  # every label used once (an ordering task)

    def read(self, answer) -> tuple[str, ...]:
        if isinstance(answer, str):
            raise NotReadable(_(
                "Your answer is one piece of text. This task wants {length} labels in a list: "
                "square brackets, each label in quotes, commas between them."
            ).format(length=self.length))
        items = _as_plain_list(answer, self.what)
        if len(items) != self.length:
            wanted = (_("Your list has {n} labels; this task wants {length}, one for each step, in the same order.")
                      if self.distinct else
                      _("Your list has {n} labels; this task wants {length}, one for each statement, in the same order."))
            raise NotReadable(wanted.format(n=number(len(items)), length=self.length))
        labels = tuple(
            _read_label(item, self.allowed, _("Label {position}").format(position=position))
            for position, item in enumerate(items, start=1)
        )
        if self.distinct and len(set(labels)) != len(labels):
            twice = sorted({lab for lab in labels if labels.count(lab) > 1})
            raise NotReadable(_("You used {labels} more than once. Use each one exactly once.").format(labels=_listing(twice)))
        return labels


@dataclass(frozen=True)
class TextSet(Kind):
    """A collection of texts (such as region names) where order does not matter."""

    what: str = N_("a set of names")
    allowed: tuple[str, ...] = ()   # empty: any text
    max_items: int = 1000

    def read(self, answer) -> frozenset:
        if isinstance(answer, str):
            raise NotReadable(_(
                "Your answer is {answer}, one piece of text. This task wants {what}: "
                "a set in curly brackets, like {{\"a\", \"b\"}}, or a list in square brackets."
            ).format(answer=describe(answer), what=_(self.what)))
        items = _as_plain_list(answer, self.what, self.max_items)
        values = set()
        for position, item in enumerate(items, start=1):
            if self.allowed:
                values.add(_read_label(item, self.allowed, _("Item {position}").format(position=position)))
            elif not isinstance(item, str):
                raise NotReadable(_("Item {position} of your answer is {answer}, not a name in quotes.").format(
                    position=position, answer=describe(item)))
            else:
                values.add(normalise_text(item))
        return frozenset(values)

    def same(self, value, expected) -> bool:
        return frozenset(value) == frozenset(normalise_text(e) for e in expected)


@dataclass(frozen=True)
class Function(Kind):
    """A function; check calls it on ``cases`` and reads each result as a label."""

    what: str = N_("a function")
    cases: tuple[tuple, ...] = ()
    allowed: tuple[str, ...] = ()
    name: str = N_("your function")

    def read(self, answer) -> tuple[str, ...]:
        if answer is None or answer is Ellipsis or not callable(answer):
            raise NotReadable(_(
                "Your answer is {answer}, not a function. Give the function's name "
                "without ( ) after it, so that check can try it out."
            ).format(answer=describe(answer)))
        results = []
        for case in self.cases:
            shown = ", ".join(repr(c) for c in case)
            try:
                results.append(answer(*case))
            except RecursionError:
                raise NotReadable(_("When check called {call}, it kept calling itself without end.").format(
                    call=f"{_(self.name)}({shown})"))
            except Exception as exc:  # the student's own code failed
                raise NotReadable(_(
                    "When check called {call}, Python stopped with a {error}: {message}. "
                    "Try that call yourself in a new cell to see where."
                ).format(call=f"{_(self.name)}({shown})", error=type(exc).__name__, message=exc))
        if all(result is None for result in results):
            raise NotAttempted(_(
                "{function} gives back None (nothing) for every input: it has no return line yet, "
                "or it prints instead of returning. End each branch with return and the label."
            ).format(function=_(self.name)))
        labels = []
        for case, result in zip(self.cases, results):
            shown = ", ".join(repr(c) for c in case)
            labels.append(_read_label(result, self.allowed, _("What {call} gives back").format(
                call=f"{_(self.name)}({shown})")))
        return tuple(labels)
