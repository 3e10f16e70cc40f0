"""Exact comparisons for the assignments' hidden tests: a value passes only by being right.

``answer == 5`` asks the *answer* whether it equals 5, so an object whose
``__eq__`` always says yes (or an ``int`` subclass with a rigged ``__eq__``)
passes every such test. :func:`same` first requires the answer's type to be
exactly the expected type, or for numbers one of the plain number types,
and then compares with that trusted type's own equality; containers are
compared item by item. The hidden tests import it freshly in each test cell
(``from socialbrain.grading.exact import same, close``), and the grader checks
after every test cell that error reporting and the built-in functions still
work (:mod:`.execute`).

This module is imported inside the grading sandbox: it imports nothing
heavy, and nothing from the rest of :mod:`socialbrain.grading`.
"""

from __future__ import annotations

import math

#: Number types whose equality and conversion cannot be rigged (subclasses are not accepted).
_NUMBER_TYPE_NAMES = {"int", "float", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
                      "float16", "float32", "float64", "longdouble"}


def _plain_number(value) -> bool:
    kind = type(value)
    return (kind is int or kind is float
            or (kind.__module__ == "numpy" and kind.__name__ in _NUMBER_TYPE_NAMES))


def same(actual, expected) -> bool:
    """True when ``actual`` is ``expected``'s value, of the same type (numbers: any plain number type)."""
    if type(expected) in (int, float) and _plain_number(actual):
        return float.__eq__(float(actual), float(expected))
    if type(actual) is not type(expected):
        return False
    if type(expected) in (list, tuple):
        return len(actual) == len(expected) and all(same(a, e) for a, e in zip(actual, expected))
    if type(expected) is dict:
        plain_keys = all(type(k) in (int, str) for k in actual)  # a key cannot be rigged either
        return (plain_keys and len(actual) == len(expected) and all(k in expected for k in actual)
                and all(same(actual[k], expected[k]) for k in expected))
    return type(expected).__eq__(expected, actual) is True


def close(actual, expected: float, tolerance: float = 1e-9) -> bool:
    """True when ``actual`` is a plain number within ``tolerance`` of ``expected``."""
    return _plain_number(actual) and math.isfinite(float(actual)) and abs(float(actual) - float(expected)) <= tolerance


def kind(value) -> str:
    """The name of a value's type, for a test's message ("returned AlwaysEqual, not int")."""
    return type(value).__name__


def shown(value) -> str:
    """A value for a test's message: its repr when it is plain data, else only its type."""
    plain = (int, float, str, bool, type(None))
    if type(value) in plain or (type(value) in (list, tuple) and all(type(v) in plain for v in value)):
        text = repr(value)
        return text if len(text) <= 60 else text[:57] + "..."
    return f"an object of type {kind(value)}"
