"""Tests for the chapter 7 table socialbrain.figures.thinking_errors."""

from html.parser import HTMLParser

from socialbrain.figures.thinking_errors import STEPS, THINKING_ERRORS, thinking_errors_html


class _Cells(HTMLParser):
    """Rows of (tag, text) cells and the caption of a table."""

    def __init__(self):
        super().__init__()
        self.rows, self.caption, self._tag = [], "", None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("th", "td", "caption"):
            self._tag = (tag, dict(attrs).get("scope"))
            if tag != "caption":
                self.rows[-1].append([tag, dict(attrs).get("scope"), ""])

    def handle_endtag(self, tag):
        if tag in ("th", "td", "caption"):
            self._tag = None

    def handle_data(self, data):
        if self._tag and self._tag[0] == "caption":
            self.caption += data
        elif self._tag:
            self.rows[-1][-1][2] += data


def _table():
    parser = _Cells()
    parser.feed(thinking_errors_html())
    return parser


def test_is_a_table_with_a_caption_and_column_headers():
    table = _table()
    assert "thinking errors" in table.caption.lower()
    header = table.rows[0]
    assert all(tag == "th" and scope == "col" for tag, scope, _ in header)
    assert [text for *_, text in header][1:] == list(STEPS)


def test_rows_are_the_four_thinking_errors_of_chapter_7():
    names = [row[0] for row in _table().rows[1:]]
    assert all(tag == "th" and scope == "row" for tag, scope, _ in names)
    assert [text for *_, text in names] == [
        "Overgeneralisation", "Personalisation", "Catastrophising", "Emotional reasoning"]


def test_every_cell_text_is_in_its_row_and_column():
    for row, (_name, *cells) in zip(_table().rows[1:], THINKING_ERRORS):
        assert [text for *_, text in row[1:]] == cells


def test_balanced_thoughts_do_not_repeat_the_absolute_words():
    # The alternative should drop the all-or-nothing words of the automatic thought.
    for name, thought, _question, alternative in THINKING_ERRORS:
        for word in ("never", "nobody", "forever", "must be"):
            assert word not in alternative.lower(), (name, word)
