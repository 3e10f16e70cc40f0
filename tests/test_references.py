"""The bibliography holds no placeholders, and every entry can be looked up.

A reference is only useful if a reader can find the work: each entry has a DOI
or a public URL, or is listed in NO_LINK with the reason it has neither.
"""

import re
from pathlib import Path

import pybtex.database
import pytest
from conftest import site_pages

from socialbrain.book.citations import BibliographyStyle

ROOT = Path(__file__).resolve().parent.parent
BIB = ROOT / "references.bib"

# Words and marks that stand in for information nobody has checked yet. They are
# matched as whole words, so "Todorov" or "unknowable" would not count.
PLACEHOLDER = re.compile(
    r"\b(?:not (?:yet )?verified|unverified|to be (?:checked|verified|added)|unknown|anonymous"
    r"|todo|tbd|tba|fixme|xxx|placeholder|lorem ipsum)\b|\?\?",
    re.I,
)
# In a name, brackets, question marks, digits or "et al." are never part of it.
BAD_NAME = re.compile(r"[\[\]?0-9]|\bet al\b", re.I)

# Entries with neither a DOI nor a URL, and why. An entry listed here that gains
# a DOI or URL makes the test fail, so the list cannot go stale.
NO_LINK = {
    "perlman1981": "book chapter (Academic Press, 1981); no DOI and no public full text",
    "dejonggierveld1999": "printed manual (VU Amsterdam, 1999, updated 2022); no DOI",
    "gezondheidsmonitor2022": "national survey whose figures appear on vzinfo.nl, a site updated "
                              "in place; no stable address for the 2022 figures has been confirmed",
    "cbs2022": "CBS news release of December 2023; its address on cbs.nl has not been confirmed "
               "(the figures were checked against press reports of that release)",
    "fokkema2007": "a DOI exists (Springer, prefix 10.1007/BF) but its full form could not be "
                   "confirmed from a reliable source; add it once checked",
    "mcdonald2012": "journal article (Elsevier) whose DOI could not be confirmed from a reliable "
                    "source; add it once checked",
    "maclean1952": "journal article (Elsevier, 1952) whose DOI could not be confirmed from a "
                   "reliable source; add it once checked",
    "maclean1990": "book (Plenum Press, 1990); no DOI",
    "burns1980": "trade book (William Morrow, 1980); no DOI",
    "ainsworth1978": "book (Lawrence Erlbaum, 1978); the original edition has no DOI",
    "main1986": "book chapter (Ablex, 1986); no DOI",
    "main1990": "book chapter (University of Chicago Press, 1990); no DOI",
    "miller1944": "book chapter (Ronald Press, 1944); no DOI",
}

DOI = re.compile(r"^10\.\d{4,9}/\S+$")
URL = re.compile(r"^https://\S+$")


def entries(source=None):
    if source is None:
        return pybtex.database.parse_file(str(BIB)).entries
    return pybtex.database.parse_string(source, "bibtex").entries


def placeholders(bib_entries):
    """(key, field, value) for every field or name that holds a placeholder."""
    found = []
    for key, entry in bib_entries.items():
        for name, value in entry.fields.items():
            if PLACEHOLDER.search(value):
                found.append((key, name, value))
        for role, persons in entry.persons.items():
            for person in persons:
                text = str(person)
                if PLACEHOLDER.search(text) or BAD_NAME.search(text):
                    found.append((key, role, text))
    return found


def link_problems(bib_entries, no_link=NO_LINK):
    """Entries that cannot be looked up, malformed DOIs or URLs, and stale exceptions."""
    problems = []
    for key, entry in bib_entries.items():
        doi, url = entry.fields.get("doi"), entry.fields.get("url")
        if doi is not None and not DOI.match(doi):
            problems.append(f"{key}: malformed doi {doi!r}")
        if url is not None and not URL.match(url):
            problems.append(f"{key}: url must be https: {url!r}")
        if doi or url:
            if key in no_link:
                problems.append(f"{key}: has a doi or url but is still listed in NO_LINK")
        elif not no_link.get(key, "").strip():
            problems.append(f"{key}: no doi or url, and no reason in NO_LINK")
    problems += [f"{key}: listed in NO_LINK but not in references.bib" for key in set(no_link) - set(bib_entries)]
    return problems


def test_no_placeholder_in_the_bibliography():
    assert placeholders(entries()) == []


def test_every_entry_has_a_doi_or_url_or_a_reason():
    assert link_problems(entries()) == []


# The entry that reached chapter 3 as "[[Authors not verified], 2022]".
OLD_RSMOR2022 = r"""
@article{rsmor2022,
  author  = {{[Authors not verified]}},
  title   = {Rejection sensitivity and mu opioid receptor dynamics associated with mood alterations in response to social feedback},
  journal = {Psychiatry Research: Neuroimaging},
  year    = {2022},
  doi     = {10.1016/j.pscychresns.2022.111505},
  note    = {N = 75 healthy adults, [11C]carfentanil PET; PMC9338686. Author list not yet verified},
}
"""


@pytest.mark.parametrize("source", [
    OLD_RSMOR2022,
    "@article{a, author = {Smith, J. and others}, title = {TODO}, year = {2020}}",
    "@article{a, author = {Smith, J.}, title = {A title}, journal = {??}, year = {2020}}",
    "@article{a, author = {Smith, J. and Jones, K. et al.}, title = {A title}, year = {2020}}",
    "@misc{a, author = {{Unknown}}, title = {A title}, year = {2020}}",
])
def test_placeholder_check_catches(source):
    assert placeholders(entries(source))


def test_placeholder_check_passes_real_entries():
    clean = ("@article{a, author = {Todorov, Alexander and {de Jong Gierveld}, Jenny}, "
             "title = {Unknowable faces: [11C]carfentanil and trust}, year = {2020}, note = {n.d.}}")
    assert placeholders(entries(clean)) == []


def test_link_check_catches():
    bib = entries("@article{a, title = {A}, year = {2020}} "
                  "@article{b, title = {B}, year = {2020}, doi = {doi:10.1/x}} "
                  "@article{c, title = {C}, year = {2020}, url = {http://example.org}} "
                  "@article{d, title = {D}, year = {2020}, doi = {10.1234/d}}")
    problems = link_problems(bib, no_link={"d": "reason", "e": "reason"})
    assert [p.split(":")[0] for p in problems] == ["a", "b", "c", "d", "e"]
    assert link_problems(entries("@article{a, title = {A}, year = {2020}}"), no_link={"a": "book, no DOI"}) == []


def test_a_work_without_authors_is_listed_and_sorted_by_its_title():
    bib = entries("@article{b, title = {Beta study}, journal = {J}, year = {2022}, volume = {1}, pages = {2}} "
                  "@article{a, author = {Alpha, Ann}, title = {T}, journal = {J}, year = {2020}} "
                  "@article{c, author = {Gamma, Gus}, title = {T}, journal = {J}, year = {2020}}")
    formatted = list(BibliographyStyle().format_entries(bib.values()))
    assert [entry.key for entry in formatted] == ["a", "b", "c"]
    assert formatted[1].text.render_as("text").startswith("Beta study. J, 1:2, 2022.")


# What a placeholder looks like once rendered: a bracket that admits a gap.
RENDERED_PLACEHOLDER = re.compile(r"\[[^\]<]*\b(?:not (?:yet )?verified|unverified|unknown|todo|tbd)\b[^\]<]*\]", re.I)


def test_no_placeholder_reaches_a_page(site):
    pages = {rel: (site / rel).read_text(encoding="utf-8") for rel in site_pages(site)}
    assert [rel for rel, html in pages.items() if RENDERED_PLACEHOLDER.search(html)] == []
    # The study that once showed as "[[Authors not verified], 2022]" is cited by its short title.
    assert "<em>Rejection sensitivity and mu opioid receptor dynamics</em>, 2022" in pages["book/03-the-brains-own-painkillers.html"]
    assert RENDERED_PLACEHOLDER.search("in every region [[Authors not verified], 2022].")


# The course's own words about a source are written in each edition's language; the rest stays as published.
OWN_WORDS = ("note", "howpublished")


def test_every_note_on_a_source_has_its_dutch_twin():
    missing = [f"{key}: {name}_nl" for key, entry in entries().items() for name in OWN_WORDS
               if name in entry.fields and f"{name}_nl" not in entry.fields]
    assert not missing, f"references.bib: the Dutch edition would show English notes; add {missing}"


def test_the_dutch_bibliography_and_its_tooltips_show_the_dutch_notes(site):
    page = (site / "nl" / "book" / "bibliography.html").read_text(encoding="utf-8")
    chapter = (site / "nl" / "book" / "01-wired-for-others.html").read_text(encoding="utf-8")
    english = (site / "book" / "bibliography.html").read_text(encoding="utf-8")
    assert "Populairwetenschappelijk bronartikel" in page and "Popular-science seed article" not in page
    assert "Popular-science seed article" in english and "bronartikel" not in english
    assert "Popular-science seed article" not in chapter, "a citation's tooltip on a Dutch page is English"
