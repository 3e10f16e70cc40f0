"""Every internal link and asset reference in the built book resolves."""

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

from conftest import SITE, site_pages


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for key in ("href", "src"):
            if attrs.get(key) and tag in ("a", "link", "script", "img", "iframe", "source"):
                self.refs.append(attrs[key])


def _parse(path, cache={}):
    if path not in cache:
        parser = _Refs()
        parser.feed(path.read_text(encoding="utf-8", errors="replace"))
        cache[path] = parser
    return cache[path]


def broken_links(site=SITE):
    broken = []
    for rel in site_pages(site):
        page = site / rel
        for ref in _parse(page).refs:
            url = urlparse(ref)
            if url.scheme or ref.startswith(("//", "mailto:", "javascript:")):
                continue
            target = page if not url.path else (page.parent / unquote(url.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{rel}: {ref} (no such file)")
            elif url.fragment and target.suffix == ".html" and unquote(url.fragment) not in _parse(target).ids:
                broken.append(f"{rel}: {ref} (no such anchor)")
    return broken


def test_internal_links_resolve(site):
    assert broken_links(site) == []


def test_checker_catches_a_broken_link(tmp_path):
    (tmp_path / "index.html").write_text('<a href="missing.html">x</a><a href="#nowhere">y</a><p id="here"></p>')
    found = broken_links(tmp_path)
    assert any("missing.html" in b for b in found) and any("#nowhere" in b for b in found)
