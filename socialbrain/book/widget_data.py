"""Widget states in files of their own, fetched when the widget comes near the screen.

A widget's static view embeds every state its controls can reach as JSON
(socialbrain/widgets/embed.py): 154 KB in chapter 3. Inline, that JSON had to
arrive and be parsed before the first paint, for a widget far down the page.
Here each one larger than INLINE_MAX moves to `_static/widget-data/<hash>.json`
(the name is its content's hash, so a host may cache it for good), and the
`script.sb-data` keeps a `data-src` pointing at it; `sb-widgets.js` fetches it.
"""

import hashlib
import re
from pathlib import Path

DATA = re.compile(r'<script type="application/json" class="sb-data">(.*?)</script>', re.S)
FOLDER = "_static/widget-data"
#: smaller states stay inline: a request costs more than a few KB on a slow connection
INLINE_MAX = 8 * 1024


def move_widget_data(app, pagename, templatename, context, doctree):
    body = context.get("body", "")
    if 'class="sb-data"' not in body:
        return

    def to_file(match):
        data = match.group(1)
        if len(data) <= INLINE_MAX:
            return match.group(0)
        digest = hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]
        target = Path(app.outdir) / FOLDER / f"{digest}.json"
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(data, encoding="utf-8")
        src = context["pathto"](f"{FOLDER}/{digest}.json", 1)
        return f'<script type="application/json" class="sb-data" data-src="{src}?v={digest}"></script>'

    context["body"] = DATA.sub(to_file, body)


def setup(app):
    app.connect("html-page-context", move_widget_data)
