"""The translated editions: complete where declared complete, and really in their language.

Reads the catalogs (`locales/`, `socialbrain/locales/`) and the built Dutch
pages; the catalog test extracts the English pages' messages afresh (Sphinx's
gettext builder, no notebook runs), so an English paragraph that changed since
its translation shows up even before anyone runs `make catalogs`.
"""

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import SITE
from socialbrain.book import editions
from socialbrain.i18n import CATALOGS as PACKAGE_LOCALES
from socialbrain.i18n import TRANSLATIONS, _, catalog, set_language
from test_chapters import SEEDS, _words

DECLARED = [(lang, page) for lang in TRANSLATIONS for page in editions.COMPLETE.get(lang, ())]


@pytest.fixture(scope="module")
def english_messages(tmp_path_factory):
    """{page: [msgid, ...]} as the English sources say now."""
    from babel.messages.pofile import read_po

    pot = tmp_path_factory.mktemp("gettext") / "pot"
    # In a fresh interpreter: Sphinx apps made by other tests in this process leave registries behind.
    done = subprocess.run([sys.executable, "-m", "socialbrain.book.editions", "extract", str(pot)],
                          cwd=editions.ROOT, capture_output=True, text=True)
    assert done.returncode == 0, f"extracting the English messages failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    messages = {}
    for path in pot.rglob("*.pot"):
        with path.open("rb") as handle:
            messages[path.relative_to(pot).with_suffix("").as_posix()] = [m.id for m in read_po(handle) if m.id]
    assert messages, "the gettext builder extracted nothing"
    return messages


@pytest.mark.parametrize(("lang", "page"), DECLARED)
def test_declared_complete_page_has_every_message_translated(lang, page, english_messages):
    po = editions.LOCALES / lang / "LC_MESSAGES" / f"{page}.po"
    assert po.is_file(), f"{page} is declared complete in {lang} but has no catalog {po}: run `make catalogs`"
    status = editions.read_catalog(po, lang)
    translated = {m for m in _translations(po, lang)}
    assert page in english_messages, f"{page} is declared complete but is not a page of the book"
    missing = [m for m in english_messages[page] if m not in translated]
    assert not missing and not status.fuzzy, (
        f"{page} is declared complete in {lang} (socialbrain/book/editions.py COMPLETE), but "
        f"{len(missing)} English message(s) have no current translation and {len(status.fuzzy)} are fuzzy. "
        "Run `make catalogs`, then translate:\n" + "\n".join(f"  - {m[:100]}" for m in missing + status.fuzzy)
    )


def _translations(po: Path, lang: str) -> set[str]:
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        return {m.id for m in read_po(handle, locale=lang) if m.id and m.string and not m.fuzzy}


def test_a_changed_english_paragraph_counts_as_untranslated(tmp_path):
    """The check above compares with the English as it is now: an edited paragraph is no longer translated."""
    po = tmp_path / "LC_MESSAGES" / "page.po"
    po.parent.mkdir()
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
                  'msgid "Old English."\nmsgstr "Oud Nederlands."\n\n'
                  '#, fuzzy\nmsgid "Changed English."\nmsgstr "Verouderd Nederlands."\n', encoding="utf-8")
    assert _translations(po, "nl") == {"Old English."}
    status = editions.read_catalog(po, "nl")
    assert status.catalog == "page" and status.fuzzy == ["Changed English."] and status.missing == 1


# --------------------------------------------------------------------------
# The built Dutch pages read as Dutch
# --------------------------------------------------------------------------

#: Common English function words that are not also Dutch words (not "is", "was", "of"); Dutch text has next to none.
ENGLISH_WORDS = set("""the and to are were that this which with for from by not but or as it its
their they what when how why be been can does would should could into about than these those you your""".split())
#: Share of English function words above which a paragraph counts as English.
ENGLISH_SHARE = 0.12


class Paragraphs(HTMLParser):
    """The visible text of each paragraph and list item in the article, leaving out text marked lang="en"."""

    def __init__(self):
        super().__init__()
        self.paragraphs, self._text, self._depth, self._skip, self._in_article = [], None, 0, [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self._in_article = True
        if not self._in_article:
            return
        if tag in ("p", "li", "h1", "h2", "h3", "legend", "dt", "dd") and self._text is None:
            self._text, self._depth = [], 0
        if self._text is not None:
            self._depth += tag in ("p", "li", "h1", "h2", "h3", "legend", "dt", "dd")
        self._skip.append(attrs.get("lang", "").startswith("en") or tag in ("code", "pre", "script", "style")
                          or "citation" in (attrs.get("class") or "") or tag == "cite")

    def handle_endtag(self, tag):
        if self._skip:
            self._skip.pop()
        if tag == "article":
            self._in_article = False
        if self._text is not None and tag in ("p", "li", "h1", "h2", "h3", "legend", "dt", "dd"):
            self._depth -= 1
            if self._depth <= 0:
                self.paragraphs.append(" ".join("".join(self._text).split()))
                self._text = None

    def handle_data(self, data):
        if self._text is not None and not any(self._skip):
            self._text.append(data)


def english_share(text: str) -> float:
    words = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)*", text.lower())  # whole words: "beëindigt" holds no "be"
    return sum(w in ENGLISH_WORDS for w in words) / len(words) if words else 0.0


def english_paragraphs(html_text: str) -> list[str]:
    parser = Paragraphs()
    parser.feed(html_text)
    return [p for p in parser.paragraphs if len(p.split()) >= 6 and english_share(p) > ENGLISH_SHARE]


def test_the_english_detector_reads_whole_words():
    assert english_share("Code die Python beëindigt wordt gestopt") == 0
    assert english_share("the cat's toy") == 1 / 3


def test_the_english_detector_tells_the_languages_apart():
    assert english_paragraphs("<article><p>Loneliness is not the same as being alone, and the studies show why.</p></article>")
    assert not english_paragraphs("<article><p>Eenzaamheid is niet hetzelfde als alleen zijn, en de studies laten zien waarom.</p></article>")
    assert not english_paragraphs('<article><p>Eenzaamheid (<span lang="en">loneliness is not the same as being alone</span>) '
                                  "is een gevoel dat iedereen kent.</p></article>")


@pytest.mark.parametrize(("lang", "page"), DECLARED)
def test_declared_complete_page_reads_in_its_language(lang, page):
    built = SITE / lang / f"{page}.html"
    if not built.is_file():
        pytest.fail(f"{built} is missing: run `make book` (it builds every edition)")
    english = english_paragraphs(built.read_text(encoding="utf-8"))
    assert not english, f"{lang}/{page}.html still has English paragraphs:\n" + "\n".join(f"  - {p[:120]}" for p in english)


def test_the_dutch_glossary_is_sorted_by_its_dutch_terms():
    import unicodedata

    built = SITE / "nl" / "book" / "glossary.html"
    if not built.is_file():
        pytest.fail(f"{built} is missing: run `make book` (it builds every edition)")
    items = built.read_text(encoding="utf-8").split("</dd>")  # an entry's first term names it; the others are aliases
    terms = [re.search(r'<dt id="term-[^"]*">(.*?)<a class="headerlink"', item, re.S) for item in items]
    firsts = [re.sub(r"<[^>]+>", "", t.group(1)).strip() for t in terms if t]
    assert len(firsts) > 20 and firsts[0].startswith("affectieve component van pijn")
    keys = [unicodedata.normalize("NFD", t.lower()) for t in firsts]
    assert keys == sorted(keys), "the Dutch glossary is not in the order of its Dutch terms"


@pytest.mark.parametrize(("lang", "page"), DECLARED)
def test_declared_complete_page_shows_its_translations(lang, page):
    """Sphinx drops a translation it cannot parse as the node it replaces (a heading "1. Release"
    translated as "1. Uitdelen" reads as a list): the English then stays, too short for the detector."""
    from babel.messages.pofile import read_po

    built = SITE / lang / f"{page}.html"
    if not built.is_file():
        pytest.fail(f"{built} is missing: run `make book` (it builds every edition)")
    parser = Paragraphs()
    parser.feed(built.read_text(encoding="utf-8"))
    visible = "\n".join(parser.paragraphs)
    with (editions.LOCALES / lang / "LC_MESSAGES" / f"{page}.po").open("rb") as handle:
        messages = [m for m in read_po(handle, locale=lang) if m.id and m.string and m.id != m.string.replace("\\", "")]
    shown = [m.id for m in messages
             if len(m.id.split()) >= 2 and not re.search(r"[`*_{}\[\]]", m.id) and m.id in visible]
    assert not shown, f"{lang}/{page}.html shows the English of translated messages (escape a leading " \
        "'1.' as '1\\.' in a heading's msgstr):\n" + "\n".join(f"  - {m[:100]}" for m in shown)


def test_the_themes_buttons_and_sphinxs_link_titles_speak_dutch():
    built = SITE / "nl" / "book" / "05-loneliness-is-not-isolation.html"
    if not built.is_file():
        pytest.fail(f"{built} is missing: run `make book` (it builds every edition)")
    page = built.read_text(encoding="utf-8")
    for dutch in ("Inhoudsopgave tonen of verbergen", "Navigatie op deze pagina tonen of verbergen", "Link naar deze kop"):
        assert f'title="{dutch}"' in page
    assert not re.search(r'title="(Toggle|Link to this)', page)
    assert '<nav aria-label="Pagina">' in page and 'aria-label="Page"' not in page


# --------------------------------------------------------------------------
# The package's own strings
# --------------------------------------------------------------------------

def test_feedback_speaks_the_chosen_language():
    from socialbrain.check import check

    assert catalog("nl").get("{task}: right!"), "the Dutch catalog has no translation for the feedback frame"
    try:
        set_language("nl")
        dutch = check("ex99.9", 1).message
        set_language("en")
        english = check("ex99.9", 1).message
    finally:
        set_language(None)
    assert dutch.startswith("Nog niet.") and "oefenopdracht" in dutch
    assert english.startswith("Not yet.") and "practice task" in english
    assert _("Hint:", "nl") == "Tip:" and _("Hint:", "en") == "Hint:"


def test_the_practise_box_speaks_the_editions_language():
    from socialbrain.book.practise import _box

    dutch, english = _box("exercises/01-wired-for-others", "nl"), _box("exercises/01-wired-for-others", "en")
    assert dutch.next_node(lambda n: n.tagname == "title").astext() == "Zelf oefenen"
    assert english.next_node(lambda n: n.tagname == "title").astext() == "Practise this"
    assert "Download het notebook" in dutch.astext() and english_share(dutch.astext()) < ENGLISH_SHARE
    links = [n["refuri"] for n in dutch.findall(lambda n: n.tagname == "reference")]
    assert links == [n["refuri"] for n in english.findall(lambda n: n.tagname == "reference")]
    assert links[0] == "../practice/01-wired-for-others.ipynb"


def test_the_built_dutch_practice_page_has_the_dutch_box():
    built = SITE / "nl" / "exercises" / "01-wired-for-others.html"
    if not built.is_file():
        pytest.fail(f"{built} is missing: run `make book` (it builds every edition)")
    page = built.read_text(encoding="utf-8")
    assert "Zelf oefenen" in page and "Practise this" not in page


def test_static_figures_and_widgets_write_dutch_words_and_decimal_commas():
    from socialbrain.figures.health_risks import health_risks
    from socialbrain.figures.loneliness_loop import loneliness_loop
    from socialbrain.widgets import dunbar_layers, opioid_resilience

    try:
        set_language("nl")
        risks, loop = health_risks(), loneliness_loop()
        widget = opioid_resilience.spec().translated()
        state = {"n": 18, "r": 0.4, "draw": 1, "region": "amygdala"}
        fields, drawn = widget.field_texts(state), widget.draw(state)
    finally:
        set_language(None)
    assert risks.layout.separators == ",." and drawn.layout.separators == ",."
    assert "1,29" in risks.data[0].text + risks.data[1].text and "gepubliceerde" in risks.layout.title.text
    assert english_share(risks.layout.meta["description"]) < ENGLISH_SHARE
    assert loop.layout.title.text.startswith("De eenzaamheidskringloop")
    assert ("0.4", "0,4") == (opioid_resilience.spec().translated().controls[2].options[2][1], widget.controls[2].options[2][1])
    try:
        set_language("nl")
        layers = [label for _value, label in dunbar_layers.spec().translated().controls[0].options]
    finally:
        set_language(None)
    assert layers[0] == "1,5" and layers[-2:] == ["1.500", "5.000"]  # never "1,500": a Dutch reader sees 1.5
    assert "," in fields["r"] and "." not in fields["ci"]
    assert health_risks().layout.separators == ".,"


def test_answer_format_messages_speak_the_chosen_language():
    from socialbrain.check import check

    try:
        set_language("nl")
        as_text, as_none = check("ex3.1", "0.5").message, check("ex3.1", None).message
        too_many = check("ex3.1", [0.1, 0.2, 0.3]).message
    finally:
        set_language(None)
    assert "aanhalingstekens" in as_text and "None" in as_none and "één correlatie" in as_none
    assert "3 waarden" in too_many and "een list met 3 elementen" in too_many
    for message in (as_text, as_none, too_many):
        assert english_share(message) < ENGLISH_SHARE, message


def test_an_unknown_language_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="en, nl"):
        set_language("fr")


# --------------------------------------------------------------------------
# Never the seed articles' own Dutch
# --------------------------------------------------------------------------

def _all_translations():
    from babel.messages.pofile import read_po

    for lang in TRANSLATIONS:
        for po in [*(editions.LOCALES / lang).rglob("*.po"), *(PACKAGE_LOCALES / lang).rglob("*.po")]:
            with po.open("rb") as handle:
                for message in read_po(handle, locale=lang):
                    forms = message.string if isinstance(message.string, tuple) else (message.string,)
                    for form in forms if message.id else ():
                        if form:
                            yield po.name, form


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles are not beside this checkout")
def test_no_translation_copies_ten_words_from_a_seed_article():
    """The seed articles are Dutch: a translation must paraphrase them as the English does, never copy."""
    seed_grams = set()
    for seed in SEEDS.glob("*.txt"):
        words = _words(seed.read_text(encoding="utf-8"))
        seed_grams.update(tuple(words[i:i + 10]) for i in range(len(words) - 9))
    copied = []
    for name, text in _all_translations():
        words = _words(text)
        copied += [f"{name}: {' '.join(words[i:i + 10])}" for i in range(len(words) - 9)
                   if tuple(words[i:i + 10]) in seed_grams]
    assert not copied, copied[:5]


def test_a_pages_catalog_translates_its_markdown_keeping_the_structure():
    from socialbrain.page_catalog import translate

    markdown = ("## Task 1: Count\n\nA paragraph that runs\nover two lines.\n\n- **a** first item\n"
                "- second item\n  continued\n\n| term | meaning |\n|---|---|\n| lonely | felt |\n\nNot in the catalog.")
    catalog = {"Task 1: Count": "Opdracht 1: Tel", "A paragraph that runs over two lines.": "Een alinea.",
               "**a** first item": "**a** eerste punt", "second item continued": "tweede punt",
               "term": "term", "meaning": "betekenis", "lonely": "eenzaam", "felt": "gevoeld"}
    assert translate(markdown, catalog) == (
        "## Opdracht 1: Tel\n\nEen alinea.\n\n- **a** eerste punt\n- tweede punt\n\n"
        "| term | betekenis |\n|---|---|\n| eenzaam | gevoeld |\n\nNot in the catalog.")


def test_a_count_picks_its_plural_form_by_the_catalogs_rule():
    from socialbrain.i18n import ngettext

    forms = [ngettext("a {type} of {n} item", "a {type} of {n} items", n, "nl") for n in (0, 1, 2)]
    assert forms == ["een {type} met {n} elementen", "een {type} met {n} element", "een {type} met {n} elementen"]
    assert ngettext("{n} thing not in the catalog", "{n} things not in the catalog", 2, "nl") == \
        "{n} things not in the catalog"


def test_a_plural_message_with_an_empty_form_counts_as_untranslated(tmp_path):
    from socialbrain.book.editions import read_catalog

    po = tmp_path / "LC_MESSAGES" / "socialbrain.po"
    po.parent.mkdir()
    po.write_text('msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
                  'msgid "{n} item"\nmsgid_plural "{n} items"\nmsgstr[0] "{n} element"\nmsgstr[1] ""\n', encoding="utf-8")
    assert read_catalog(po, "nl").untranslated == ["{n} item"]
