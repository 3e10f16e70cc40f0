"""Serve the built book on 127.0.0.1, as a static host would.

Shared files under `_static/` are sent with a one-hour cache lifetime, so a
reader's browser fetches plotly.js once and reuses it on every page. Used by
`make serve`, the browser tests and the page benchmark: one server for all.
"""

import argparse
import functools
import http.server
import sys
import threading
from pathlib import Path

SITE = Path("_build/html")


class BookHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        if self.path.split("?")[0].startswith("/_static/"):
            self.send_header("Cache-Control", "public, max-age=3600")
        else:
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()

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
