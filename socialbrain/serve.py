"""Serve the built book on 127.0.0.1, as a good static host would.

Text files go out gzip-compressed (compressed once, then kept in memory), with
correct content types. Fingerprinted files (Sphinx and the theme add `?v=` or
`?digest=` to every static URL, and change it when the file changes) may be
cached for a year; other shared files under `_static/` for an hour; pages are
revalidated on every visit. Used by `make serve`, the browser tests and the
page benchmarks: one server for all.
"""

import argparse
import email.utils
import functools
import gzip
import http.server
import io
import os
import sys
import threading
from pathlib import Path

SITE = Path("_build/html")

TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ipynb": "application/x-ipynb+json",
    ".md": "text/markdown; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}
COMPRESSIBLE = {".js", ".css", ".html", ".json", ".svg", ".ipynb", ".md", ".txt", ".xml", ".map"}
FINGERPRINTS = ("v=", "digest=")
YEAR, HOUR = 31536000, 3600


def cache_control(url):
    path, _, query = url.partition("?")
    if any(part.startswith(FINGERPRINTS) for part in query.split("&")):
        return f"public, max-age={YEAR}, immutable"
    if path.startswith("/_static/"):
        return f"public, max-age={HOUR}"
    return "no-cache"


@functools.lru_cache(maxsize=512)
def _gzipped(path, mtime_ns):
    return gzip.compress(Path(path).read_bytes(), compresslevel=9, mtime=0)


class BookHandler(http.server.SimpleHTTPRequestHandler):
    # Keep-alive, as every real host does: one connection for a page's dozen files, not one each.
    protocol_version = "HTTP/1.1"
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}

    def end_headers(self):
        self.send_header("Cache-Control", cache_control(self.path))
        super().end_headers()

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            index = os.path.join(path, "index.html")
            if self.path.split("?")[0].endswith("/") and os.path.isfile(index):
                path = index
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and os.path.isfile(path) and Path(path).suffix in COMPRESSIBLE):
            return super().send_head()
        stat = os.stat(path)
        body = _gzipped(path, stat.st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


def start(site=SITE, port=0):
    """Start serving `site` in a background thread; return (server, base URL)."""
    handler = functools.partial(BookHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def main(argv=None):
    parser = argparse.ArgumentParser(description="Serve the built book on 127.0.0.1.")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--site", type=Path, default=SITE)
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        sys.exit(f"No book in {args.site}: run 'make book' first.")
    try:
        httpd, url = start(args.site, args.port)
    except OSError as err:
        sys.exit(f"Cannot serve on port {args.port} ({err.strerror}); try 'make serve PORT=8001'.")
    print(f"Serving the book on {url}/  (Ctrl-C to stop)", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        httpd.shutdown()


if __name__ == "__main__":
    main()
