"""`make serve` answers as a good static host does: compressed, typed, cacheable."""

import gzip
import re
import urllib.request


def _get(url, gzip_ok=True):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    with urllib.request.urlopen(request) as response:
        return response.headers, response.read()


def test_pages_are_compressed_and_revalidated(server, site):
    headers, body = _get(f"{server}/book/intro.html")
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Cache-Control"] == "no-cache"
    assert gzip.decompress(body) == (site / "book" / "intro.html").read_bytes()


def test_fingerprinted_scripts_are_compressed_and_cached_for_a_year(server, site):
    page = (site / "book" / "intro.html").read_text(encoding="utf-8")
    script = re.search(r'src="\.\./(_static/[^"]+\.js\?v=[^"]+)"', page).group(1)
    headers, body = _get(f"{server}/{script}")
    assert headers["Content-Type"] == "text/javascript; charset=utf-8"
    assert headers["Content-Encoding"] == "gzip"
    assert "max-age=31536000" in headers["Cache-Control"]
    assert len(body) < (site / script.split("?")[0]).stat().st_size


def test_a_client_without_gzip_gets_the_plain_file(server, site):
    headers, body = _get(f"{server}/book/intro.html", gzip_ok=False)
    assert "Content-Encoding" not in headers
    assert body == (site / "book" / "intro.html").read_bytes()
