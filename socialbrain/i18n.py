"""The language of the text the package itself writes: feedback, widget and figure labels, self-check buttons.

The book's prose is translated by Sphinx from the catalogs in `locales/`; the
strings in this package's code are translated the same way, from one gettext
catalog per language, `socialbrain/locales/<lang>/LC_MESSAGES/socialbrain.po`
(`make catalogs` extracts every ``_("...")`` into it). The `.po` file is read
as it is (no compiled `.mo` to keep in step). A message that is missing,
empty or fuzzy there stays English, like Sphinx's own fallback.

Which language: :func:`set_language` (a student's choice in a notebook), else
the environment variable ``SOCIALBRAIN_LANGUAGE`` (the book's build sets it for
the kernels that run each edition's pages), else English.
"""

from __future__ import annotations

import gettext
import os
from functools import lru_cache
from pathlib import Path

#: The language the code and the book are written in.
SOURCE_LANGUAGE = "en"

#: Every edition of the book, by language code, with its name in its own language.
LANGUAGES = {"en": "English", "nl": "Nederlands"}

#: The editions translated from the source (each built under its code: _build/html/nl/).
TRANSLATIONS = tuple(code for code in LANGUAGES if code != SOURCE_LANGUAGE)


def edition_folder(code: str) -> str:
    """Where an edition lives: "" for the source language, "nl/" for Dutch. The same below the built
    book (_build/html/nl/), in a hub's launch path, and in a student's my-practice/ folder."""
    return "" if code == SOURCE_LANGUAGE else f"{code}/"


#: Set by the book's build (socialbrain.book.editions) for the kernels that execute its pages.
LANGUAGE_ENV = "SOCIALBRAIN_LANGUAGE"

CATALOGS = Path(__file__).resolve().parent / "locales"
DOMAIN = "socialbrain"

_chosen: str | None = None


def set_language(code: str | None) -> None:
    """Choose the language of feedback and labels from now on ("nl" or "en"; None: the default again)."""
    global _chosen
    if code is not None and code not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {code!r}")
    _chosen = code


def language() -> str:
    """The language in use now."""
    if _chosen:
        return _chosen
    code = os.environ.get(LANGUAGE_ENV, "").strip()
    return code if code in LANGUAGES else SOURCE_LANGUAGE


def read_po_file(path: Path, code: str):
    """A `.po` file as a babel catalog, or None where there is no such file."""
    if not path.is_file():
        return None
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        return read_po(handle, locale=code)


def finished(entries) -> dict[str, str]:
    """{English message: translation} of a catalog's finished messages: fuzzy, empty (and plural) ones stay English."""
    return {m.id: m.string for m in entries or () if isinstance(m.id, str) and m.id and m.string and not m.fuzzy}


@lru_cache(maxsize=None)
def _read(code: str):
    """One language's catalog of the package's strings, or None (English, or no catalog)."""
    if code == SOURCE_LANGUAGE:
        return None
    return read_po_file(CATALOGS / code / "LC_MESSAGES" / f"{DOMAIN}.po", code)


@lru_cache(maxsize=None)
def catalog(code: str) -> dict[str, str]:
    """{English message: translation} for one language; fuzzy and empty entries are left out."""
    return finished(_read(code))


@lru_cache(maxsize=None)
def _plural_catalog(code: str):
    """({English singular: translated forms}, the language's rule from a count to a form's index)."""
    entries = _read(code)
    if entries is None:
        return {}, lambda n: int(n != 1)
    forms = {m.id[0]: m.string for m in entries
             if isinstance(m.id, tuple) and all(m.string) and not m.fuzzy}
    return forms, gettext.c2py(entries.plural_expr)  # the catalog's Plural-Forms, as gettext reads it


def _(message: str, code: str | None = None) -> str:
    """``message`` in the language in use (or in ``code``); English where there is no translation."""
    return catalog(code or language()).get(message, message)


def ngettext(singular: str, plural: str, n: int, code: str | None = None) -> str:
    """The form of a message that suits the count `n` ("1 item", "3 items"), as gettext chooses it."""
    forms, rule = _plural_catalog(code or language())
    if singular in forms:
        return forms[singular][rule(n)]
    return singular if n == 1 else plural


def number(value: float, decimals: int = 0) -> str:
    """``value`` written the way the language in use writes numbers ("1,500.5" in English, "1.500,5" in Dutch)."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=language())


def separators() -> str:
    """Plotly's ``layout.separators`` for the language in use: decimal mark, then thousands ("," and "." in Dutch)."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    return get_decimal_symbol(language()) + get_group_symbol(language())


def N_(message: str) -> str:
    """Marks a message for the catalog where it is defined; translate it with :func:`_` where it is shown."""
    return message
