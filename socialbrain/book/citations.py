"""Citing a work without an author list, so that no placeholder reaches a page.

When the author list of a study cannot be confirmed, the book cites the study
by its title instead of inventing names (the way APA cites works without an
author). Two small styles, chosen in `_config.yml`, make that possible:

* `bibtex_default_style: socialbrain` lists an article without authors by its
  title, and sorts it among the others by that title; pybtex's plain style
  otherwise refuses an article without authors.
* `bibtex_reference_style: author_year_shorttitle` is author-year, except that an
  entry without authors is cited as *short title*, year, using the entry's
  `shorttitle` field when it has one (the full title otherwise).

The Dutch edition uses `socialbrain_nl` and `author_year_shorttitle_nl`: Dutch
joining words, and the course's own notes on a source in Dutch (`note_nl`).
"""

from dataclasses import dataclass, field

import pybtex.plugin
from pybtex.database import Entry
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.sorting.author_year_title import SortingStyle as AuthorYearTitleSorting
from pybtex.style.template import first_of, names, optional, sentence, tag
from pybtex.style.template import field as bib_field
from sphinxcontrib.bibtex.plugin import register_plugin
from sphinxcontrib.bibtex.style.referencing import PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle


class TitleWhenNoAuthorSorting(AuthorYearTitleSorting):
    """Author, year, title; a work without authors or editors sorts by its title."""

    def sorting_key(self, entry):
        authors, year, title = super().sorting_key(entry)
        return (authors or title.lower(), year, title)


class BibliographyStyle(PlainStyle):
    """pybtex's plain style; an article without authors starts with its title."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.sorting_style = TitleWhenNoAuthorSorting()
        self.sort = self.sorting_style.sort

    def get_article_template(self, e):
        authors, *rest = super().get_article_template(e).children
        return toplevel[[optional[authors], *rest]]


class DutchBibliographyStyle(BibliographyStyle):
    """The same, with Dutch joining words ("A, B en C") and the course's own words about a source
    (a `note`, `howpublished`) from its Dutch field."""

    language = "nl"

    def format_names(self, role, as_sentence=True):
        formatted = names(role, sep=", ", sep2=" en ", last_sep=" en ")
        return sentence[formatted] if as_sentence else formatted

    def format_entry(self, label, entry, bib_data=None):
        return super().format_entry(label, in_language(entry, self.language), bib_data)


def in_language(entry, language):
    """`entry` with each field that has a `<field>_<language>` twin replaced by that twin."""
    suffix = f"_{language}"
    fields = {name: value for name, value in entry.fields.items() if not name.lower().endswith(suffix)}
    for name, value in entry.fields.items():
        if name.lower().endswith(suffix):
            fields[name[: -len(suffix)]] = value
    translated = Entry(entry.type, fields=fields, persons=entry.persons)
    translated.key = entry.key
    return translated


@dataclass
class ShortTitlePersonStyle(PersonStyle):
    """Authors, else editors, else the short title (or title) in italics."""

    def author_or_editor_or_title(self, full):
        return first_of[
            optional[self.names("author", full)],
            optional[self.names("editor", full)],
            tag("em")[first_of[optional[bib_field("shorttitle")], bib_field("title")]],
        ]


@dataclass
class ShortTitleReferenceStyle(AuthorYearReferenceStyle):
    person: PersonStyle = field(default_factory=ShortTitlePersonStyle)


@dataclass
class DutchPersonStyle(ShortTitlePersonStyle):
    """The same, with Dutch joining words ("Baumeister en Leary"), for the Dutch edition."""

    sep2: str = " en "
    last_sep: str = " en "


@dataclass
class DutchShortTitleReferenceStyle(AuthorYearReferenceStyle):
    person: PersonStyle = field(default_factory=DutchPersonStyle)


def setup(app):
    pybtex.plugin.register_plugin("pybtex.style.formatting", "socialbrain", BibliographyStyle)
    pybtex.plugin.register_plugin("pybtex.style.formatting", "socialbrain_nl", DutchBibliographyStyle)
    register_plugin("sphinxcontrib.bibtex.style.referencing", "author_year_shorttitle", ShortTitleReferenceStyle)
    register_plugin("sphinxcontrib.bibtex.style.referencing", "author_year_shorttitle_nl",
                    DutchShortTitleReferenceStyle)
