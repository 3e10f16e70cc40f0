"""The book's Sphinx extension: self-checks and their progress page, Dutch terms, citation styles,
locally served assets, the practice downloads and repairs to the theme.

Listed under `sphinx.extra_extensions` in `_config.yml`, so every build of the
book (through `make book` or a bare `jupyter-book build .`) gets it.
"""

import os

from socialbrain.book import (a11y, assets, citations, critical_css, dutch, practise, progress, selfcheck, switch,
                             theme, widget_data)
from socialbrain.widgets import STATIC_ENV


def setup(app):
    # Kernels that execute the chapters inherit this, so widgets render their
    # static, kernel-free view (see socialbrain.widgets).
    os.environ[STATIC_ENV] = "1"
    dutch.setup(app)
    selfcheck.setup(app)
    progress.setup(app)
    assets.setup(app)
    citations.setup(app)
    a11y.setup(app)
    theme.setup(app)
    switch.setup(app)   # the language switch between the English and Dutch editions
    practise.setup(app)
    widget_data.setup(app)
    critical_css.setup(app)  # last: it reads the finished pages
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
