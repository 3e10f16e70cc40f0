"""A book page's translation applied to its MyST Markdown, outside Sphinx.

The Dutch edition translates each page with the page's gettext catalog
(`locales/<lang>/LC_MESSAGES/<folder>/<page>.po`), whose messages are the
Markdown of each paragraph, heading, list item and table cell, as Sphinx
extracted them. A practice notebook the Dutch edition offers for download is
made from the same MyST source, so the same catalog translates it here: each
such block of a Markdown cell is looked up by that text and replaced, keeping
its list marker, heading level or table row around it. As in the book, a block
without a translation (or with a fuzzy one) stays English.
"""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt

from socialbrain.i18n import finished, read_po_file

_PARSER = MarkdownIt("commonmark").enable("table")


def page_catalog(source: Path, language: str) -> dict[str, str]:
    """{English block: translation} for the page `source` (a MyST file in the course repository); {} if none."""
    path = source.resolve().parents[1] / "locales" / language / "LC_MESSAGES" / source.parent.name / f"{source.stem}.po"
    return finished(read_po_file(path, language))


def _message(inline) -> str:
    """The catalog's key for a block: Sphinx joins a paragraph's lines with spaces."""
    return inline.content.replace("\n", " ").strip()


def translate(markdown: str, catalog: dict[str, str]) -> str:
    """`markdown` with every block that `catalog` translates replaced by its translation."""
    if not catalog:
        return markdown
    lines = markdown.split("\n")
    # Replace from the last block up, so earlier line numbers stay right; cells of a row from the right.
    for inline, at in reversed(list(_blocks(markdown, lines))):
        key = _message(inline)
        if key not in catalog:
            continue
        start, end = inline.map
        text = catalog[key].replace("\n", " ")
        first = inline.content.split("\n")[0]
        if end - start == 1:  # a heading, a one-line paragraph or a table cell: replace it in its line
            lines[start] = lines[start][:at] + text + lines[start][at + len(first):]
        else:  # a paragraph over several lines becomes one line, after the same marker
            lines[start:end] = [lines[start][:at] + text]
    return "\n".join(lines)


def _blocks(markdown, lines):
    """Each block in source order with the column where its text starts (a table's cells share a line)."""
    cursor: dict[int, int] = {}
    for inline in _PARSER.parse(markdown):
        if inline.type != "inline" or not inline.map:
            continue
        row = inline.map[0]
        first = inline.content.split("\n")[0]
        at = lines[row].find(first, cursor.get(row, 0))
        if at < 0:
            continue
        cursor[row] = at + len(first)
        yield inline, at
