"""Items, scoring and cut-offs of the two scales the course uses.

This module is the course's single source for the De Jong Gierveld
Loneliness Scale (DJG, 11 items) and the Lubben Social Network Scale
(LSNS-6). Chapters, widgets, practice notebooks and the graded
assignments all take item texts, keying and cut-offs from here, so a
correction made here reaches every page.

Sources: De Jong Gierveld & Kamphuis (1985); De Jong Gierveld & van Tilburg
(1999, manual); Dutch cut-offs as used by the GGD/RIVM health monitors;
Lubben et al. (2006) for the LSNS-6.

Public API
----------
``DJG_ITEMS``            the 11 items as :class:`DJGItem` (text, subscale, keying)
``DJG_ANSWERS``          the three accepted answers
``DJG_LEVELS``           the Dutch cut-offs for the 11-item total
``LSNS6_ITEMS``          the 6 items as :class:`LSNS6Item` (text, subscale)
``LSNS6_ANSWER_LABELS``  what answer codes 0-5 mean
``LSNS6_ISOLATION_CUTOFF`` a total *below* this (12) means at risk of isolation
``djg_score``, ``djg_subscales``, ``djg_level``, ``djg_lonely``
``lsns6_score``, ``lsns6_subscales``, ``lsns6_isolated``
``quadrant``             loneliness x isolation classification
``quadrant_counts``      how many people fall in each quadrant

The classifications take the cut-offs as optional arguments (defaults: the
ones above), so a widget that lets the reader move a cut-off still applies
this module's rule.

Every scoring function checks its input and raises :class:`ValueError` with
a message that says what is wrong.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from numbers import Integral

__all__ = [
    "DJGItem",
    "DJG_ITEMS",
    "DJG_ANSWERS",
    "DJG_LEVELS",
    "DJG_LONELY_CUTOFF",
    "LSNS6Item",
    "LSNS6_ITEMS",
    "LSNS6_ANSWER_LABELS",
    "LSNS6_ISOLATION_CUTOFF",
    "QUADRANTS",
    "djg_score",
    "djg_subscales",
    "djg_level",
    "djg_lonely",
    "lsns6_score",
    "lsns6_subscales",
    "lsns6_isolated",
    "quadrant",
    "quadrant_counts",
]


# --------------------------------------------------------------------------
# De Jong Gierveld Loneliness Scale (11 items)
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class DJGItem:
    """One item of the De Jong Gierveld scale.

    ``subscale`` is ``"emotional"`` or ``"social"``; ``positive`` is True for
    a positively worded item (scored 1 for "no" or "more or less") and False
    for a negatively worded item (scored 1 for "yes" or "more or less").
    """

    number: int
    text: str
    subscale: str
    positive: bool


DJG_ITEMS: tuple[DJGItem, ...] = (
    DJGItem(1, "There is always someone I can talk to about my day-to-day problems.", "social", True),
    DJGItem(2, "I miss having a really close friend.", "emotional", False),
    DJGItem(3, "I experience a general sense of emptiness.", "emotional", False),
    DJGItem(4, "There are plenty of people I can lean on when I have problems.", "social", True),
    DJGItem(5, "I miss the pleasure of the company of others.", "emotional", False),
    DJGItem(6, "I find my circle of friends and acquaintances too limited.", "emotional", False),
    DJGItem(7, "There are many people I can trust completely.", "social", True),
    DJGItem(8, "There are enough people I feel close to.", "social", True),
    DJGItem(9, "I miss having people around me.", "emotional", False),
    DJGItem(10, "I often feel rejected.", "emotional", False),
    DJGItem(11, "I can call on my friends whenever I need them.", "social", True),
)

#: Accepted answers (Dutch: ja / min of meer / nee).
DJG_ANSWERS: tuple[str, ...] = ("yes", "more or less", "no")

#: A DJG total at or above this counts as lonely (moderately or worse).
DJG_LONELY_CUTOFF = 3

#: Dutch cut-offs for the 11-item total: (lowest, highest, label).
DJG_LEVELS: tuple[tuple[int, int, str], ...] = (
    (0, 2, "not lonely"),
    (3, 8, "moderately lonely"),
    (9, 10, "severely lonely"),
    (11, 11, "very severely lonely"),
)


def _normalise_djg(answers) -> list[str]:
    if isinstance(answers, (str, bytes)) or not isinstance(answers, Sequence):
        raise ValueError(
            f"answers must be a list of {len(DJG_ITEMS)} answers, got {type(answers).__name__}"
        )
    if len(answers) != len(DJG_ITEMS):
        raise ValueError(
            f"the De Jong Gierveld scale has {len(DJG_ITEMS)} items, got {len(answers)} answers"
        )
    clean = []
    for i, answer in enumerate(answers, start=1):
        if not isinstance(answer, str) or answer.strip().lower() not in DJG_ANSWERS:
            raise ValueError(
                f"answer {i} is {answer!r}; expected one of {', '.join(DJG_ANSWERS)}"
            )
        clean.append(answer.strip().lower())
    return clean


def _item_points(item: DJGItem, answer: str) -> int:
    if answer == "more or less":
        return 1
    if item.positive:
        return int(answer == "no")
    return int(answer == "yes")


def djg_subscales(answers) -> tuple[int, int]:
    """Return ``(emotional, social)`` loneliness, 0-6 and 0-5.

    ``answers`` are the 11 answers in item order, each "yes", "more or
    less" or "no" (case and surrounding spaces are ignored).
    """
    clean = _normalise_djg(answers)
    emotional = sum(_item_points(it, a) for it, a in zip(DJG_ITEMS, clean) if it.subscale == "emotional")
    social = sum(_item_points(it, a) for it, a in zip(DJG_ITEMS, clean) if it.subscale == "social")
    return emotional, social


def djg_score(answers) -> int:
    """Return the De Jong Gierveld total, 0-11 (see :func:`djg_subscales`)."""
    emotional, social = djg_subscales(answers)
    return emotional + social


def _check_int(value, low: int, high: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise ValueError(f"{what} must be a whole number from {low} to {high}, got {value!r}")
    if not low <= value <= high:
        raise ValueError(f"{what} must be from {low} to {high}, got {value}")
    return int(value)


def djg_level(score) -> str:
    """Return the Dutch loneliness level for a DJG total (0-11)."""
    score = _check_int(score, 0, 11, "a De Jong Gierveld total")
    for low, high, label in DJG_LEVELS:
        if low <= score <= high:
            return label
    raise AssertionError("unreachable")  # pragma: no cover


def djg_lonely(score, cutoff: int = DJG_LONELY_CUTOFF) -> bool:
    """True when a DJG total (0-11) is at or above ``cutoff`` (3): lonely."""
    score = _check_int(score, 0, 11, "a De Jong Gierveld total")
    return score >= _check_int(cutoff, 0, 12, "a De Jong Gierveld cut-off")


# --------------------------------------------------------------------------
# Lubben Social Network Scale, 6 items
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class LSNS6Item:
    """One LSNS-6 item; ``subscale`` is ``"family"`` or ``"friends"``."""

    number: int
    text: str
    subscale: str


LSNS6_ITEMS: tuple[LSNS6Item, ...] = (
    LSNS6Item(1, "How many relatives do you see or hear from at least once a month?", "family"),
    LSNS6Item(2, "How many relatives do you feel at ease with that you can talk about private matters?", "family"),
    LSNS6Item(3, "How many relatives do you feel close to such that you could call on them for help?", "family"),
    LSNS6Item(4, "How many of your friends do you see or hear from at least once a month?", "friends"),
    LSNS6Item(5, "How many friends do you feel at ease with that you can talk about private matters?", "friends"),
    LSNS6Item(6, "How many friends do you feel close to such that you could call on them for help?", "friends"),
)

#: What each answer code means.
LSNS6_ANSWER_LABELS: dict[int, str] = {
    0: "none", 1: "one", 2: "two", 3: "three or four", 4: "five to eight", 5: "nine or more",
}

#: A total *below* this value means at risk of social isolation.
LSNS6_ISOLATION_CUTOFF = 12


def _normalise_lsns6(answers) -> list[int]:
    if isinstance(answers, (str, bytes)) or not isinstance(answers, Sequence):
        raise ValueError(
            f"answers must be a list of {len(LSNS6_ITEMS)} whole numbers, got {type(answers).__name__}"
        )
    if len(answers) != len(LSNS6_ITEMS):
        raise ValueError(f"the LSNS-6 has {len(LSNS6_ITEMS)} items, got {len(answers)} answers")
    return [_check_int(a, 0, 5, f"LSNS-6 answer {i}") for i, a in enumerate(answers, start=1)]


def lsns6_subscales(answers) -> tuple[int, int]:
    """Return ``(family, friends)``, each 0-15, from the 6 answers (0-5 each)."""
    clean = _normalise_lsns6(answers)
    return sum(clean[:3]), sum(clean[3:])


def lsns6_score(answers) -> int:
    """Return the LSNS-6 total, 0-30, from the 6 answers (family items first)."""
    return sum(_normalise_lsns6(answers))


def lsns6_isolated(score, cutoff: int = LSNS6_ISOLATION_CUTOFF) -> bool:
    """True when an LSNS-6 total (0-30) is below ``cutoff`` (12): at risk of isolation."""
    score = _check_int(score, 0, 30, "an LSNS-6 total")
    return score < _check_int(cutoff, 0, 31, "an LSNS-6 cut-off")


# --------------------------------------------------------------------------
# Loneliness x isolation
# --------------------------------------------------------------------------

QUADRANTS: tuple[str, ...] = (
    "lonely and isolated",
    "lonely, not isolated",
    "isolated, not lonely",
    "neither",
)


def quadrant(djg_total, lsns6_total, lonely_cut: int = DJG_LONELY_CUTOFF,
             isolated_cut: int = LSNS6_ISOLATION_CUTOFF) -> str:
    """Classify a person by loneliness (DJG >= 3) and isolation (LSNS-6 < 12), or the given cut-offs."""
    lonely = djg_lonely(djg_total, lonely_cut)
    isolated = lsns6_isolated(lsns6_total, isolated_cut)
    if lonely and isolated:
        return QUADRANTS[0]
    if lonely:
        return QUADRANTS[1]
    if isolated:
        return QUADRANTS[2]
    return QUADRANTS[3]


def quadrant_counts(djg_totals, lsns6_totals, lonely_cut: int = DJG_LONELY_CUTOFF,
                    isolated_cut: int = LSNS6_ISOLATION_CUTOFF) -> dict[str, int]:
    """How many people fall in each of :data:`QUADRANTS` (in that order, zeros included).

    ``djg_totals`` and ``lsns6_totals`` hold one total per person (equally
    long); each distinct pair of totals is classified once, by :func:`quadrant`.
    """
    pairs = Counter(zip(djg_totals, lsns6_totals, strict=True))
    counts = dict.fromkeys(QUADRANTS, 0)
    for (djg, lsns), k in pairs.items():
        counts[quadrant(djg, lsns, lonely_cut, isolated_cut)] += k
    return counts
