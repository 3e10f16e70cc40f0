"""Launch buttons are off by default and, switched on, link each practice page's notebook through nbgitpuller.

The configured build is a separate, unexecuted build of the book with a
repository and a JupyterHub address set, the way book/instructor-guide/practice-notebooks.md says.
"""

import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
import yaml

from conftest import ROOT, site_pages
from socialbrain.practice import practice_sources

HUB = "https://hub.example.edu"
REPOSITORY = "https://github.com/example-university/social-brain"
LAUNCH_HOSTS = ("git-pull", "mybinder", "colab.research", "/v2/gh/")


def test_default_build_has_no_launch_link(site):
    for page in site_pages(site):
        html = (site / page).read_text(encoding="utf-8")
        assert not any(host in html for host in LAUNCH_HOSTS), f"{page} links a launch service"


@pytest.fixture(scope="module")
def hub_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("hub-build")
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    config["repository"]["url"] = REPOSITORY
    config["launch_buttons"]["jupyterhub_url"] = HUB
    config["execute"]["execute_notebooks"] = "off"
    config_file = out / "_config.yml"
    config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    subprocess.run([str(jupyter_book), "build", str(ROOT), "--path-output", str(out), "--config", str(config_file)],
                   check=True, capture_output=True, timeout=900)
    return out / "_build" / "html"


def test_every_practice_page_links_a_well_formed_nbgitpuller_url(hub_site):
    for source in practice_sources():
        html = (hub_site / "exercises" / f"{source.stem}.html").read_text(encoding="utf-8")
        links = [part.split('"')[0].replace("&amp;", "&") for part in html.split('href="')[1:]
                 if part.startswith(HUB)]
        assert links, f"{source.stem}: no JupyterHub link"
        url = urlparse(links[0])
        query = parse_qs(url.query)
        assert url.path == "/hub/user-redirect/git-pull"
        assert query["repo"] == [REPOSITORY] and query["branch"] == ["main"]
        # the practice notebook (socialbrain.hub_launch), not the MyST source
        assert query["urlpath"] == [f"socialbrain/practice/social-brain/{source.stem}"]


def test_a_dutch_practice_pages_hub_button_opens_the_dutch_notebook():
    """The button's urlpath says the edition's language (socialbrain.hub_launch serves my-practice/nl/)."""
    from types import SimpleNamespace

    from socialbrain.book.practise import open_notebook_on_hub

    def button():
        return {"text": "JupyterHub", "url": f"{HUB}/hub/user-redirect/git-pull?repo={REPOSITORY}&branch=main"
                                             "&urlpath=lab/tree/social-brain/exercises/05-loneliness-is-not-isolation.md"}

    urlpaths = {}
    for language in ("en", "nl"):
        context = {"header_buttons": [{"buttons": [button()]}]}
        app = SimpleNamespace(config=SimpleNamespace(language=language))
        open_notebook_on_hub(app, "exercises/05-loneliness-is-not-isolation", "page.html", context, None)
        urlpaths[language] = parse_qs(urlparse(context["header_buttons"][0]["buttons"][0]["url"]).query)["urlpath"]
    assert urlpaths == {"en": ["socialbrain/practice/social-brain/05-loneliness-is-not-isolation"],
                        "nl": ["socialbrain/practice/social-brain/05-loneliness-is-not-isolation/nl"]}
