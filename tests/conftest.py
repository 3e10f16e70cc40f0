"""Shared fixtures: the built book, a local web server for it, and headless Chromium.

The browser is Debian's /usr/bin/chromium (installed by `make test`), driven by
Playwright's Python API; Playwright never downloads a browser of its own here.
"""

import subprocess
from pathlib import Path

import pytest

from socialbrain import serve
from socialbrain.i18n import TRANSLATIONS

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "_build" / "html"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


#: a page's sections are laid out only near the screen (content-visibility: auto, which also clips
#: what overflows them); checks of the whole page render every section first, as a reader scrolling sees it
RENDER_ALL_SECTIONS = "section { content-visibility: visible !important; }"
#: a phone, as the phone tests and the first-paint tests open the book on one
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "device_scale_factor": 2}


def site_pages(site=SITE):
    """Every HTML page a reader can reach, in every edition, relative to the site root."""
    if not (site / "index.html").is_file():
        return []
    skip = ("_static", "_sources", "_images", "reports")
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if _without_edition(p.relative_to(site).parts)[0] not in skip
    )


def _without_edition(parts):
    """A translated edition (`nl/...`) has the same layout as the English one at the root."""
    return parts[1:] if len(parts) > 1 and parts[0] in TRANSLATIONS else parts


def is_redirect(page_path, site=SITE):
    """True for a page that only forwards the reader (the site root's meta refresh to the first chapter)."""
    return 'http-equiv="Refresh"' in (site / page_path).read_text(encoding="utf-8")[:500]


@pytest.fixture(scope="session")
def site():
    if not (SITE / "index.html").is_file():
        pytest.fail("The book is not built: run `make book` (make test does it first).")
    return SITE


@pytest.fixture(scope="session")
def server(site):
    """Serve the built book on 127.0.0.1, on a free port, for the whole session."""
    httpd, url = serve.start(site)
    yield url
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package.")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    """A fresh browser profile per test (empty local storage)."""
    ctx = browser.new_context()
    yield ctx
    ctx.close()


@pytest.fixture(scope="module")
def student_lab(tmp_path_factory):
    """The student's JupyterLab (as `make lab` starts it) on 127.0.0.1, in a fresh working folder.

    Yields (url, token, folder). The app is exposed to the page so tests can run
    Lab's own commands (run all cells, save, close) instead of hunting menus.
    """
    import secrets
    import socket
    import time
    import urllib.request

    from socialbrain import lab

    folder = tmp_path_factory.mktemp("my-practice")
    lab.prepare(folder)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    token = secrets.token_hex(16)
    argv, env = lab.command(folder, port)
    argv += [f"--IdentityProvider.token={token}", "--LabApp.expose_app_in_browser=True",
             "--ServerApp.open_browser=False"]
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=1)
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"JupyterLab did not start: {process.stderr.read().decode()[-2000:]}")
            time.sleep(0.5)
    else:
        process.terminate()
        pytest.fail("JupyterLab did not answer within 60 s")
    yield url, token, folder
    stop(process)


def stop(process, grace=30):
    """End a server the tests started: terminate, and kill if it has not gone after `grace` seconds.

    A busy machine can keep a Lab or a Dask worker shutting down for longer
    than the grace; its teardown must not then fail the test that used it.
    """
    process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def wait_for_lab_kernel(page, timeout=90_000):
    """Wait until the notebook open in a test's JupyterLab has its kernel connected and idle.

    Lab's execution indicator says "idle" before the kernel has connected; a
    cell run then never reaches the kernel.
    """
    page.wait_for_function("""() => { const s = window.jupyterapp && window.jupyterapp.shell.currentWidget
        && window.jupyterapp.shell.currentWidget.sessionContext;
        const k = s && s.session && s.session.kernel;
        return k && k.connectionStatus === 'connected' && k.status === 'idle'; }""", timeout=timeout)
