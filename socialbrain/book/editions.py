"""Build the book's other editions (Dutch) from the same sources, and keep their catalogs up to date.

Jupyter Book 1 has no option for a second language (jupyter-book #1791), so
this calls its own `build_sphinx` (what `jupyter-book build` calls) with the
book's `_config.yml` and a few overrides: the language, the catalogs in
`locales/`, one catalog per page, and a build folder of the edition's own,
`_build/<lang>/` (its doctrees and its execution cache, so both editions
rebuild incrementally and each runs its notebooks once, in its language).
The pages are then mirrored into `_build/html/<lang>/`, beside the English
edition at the site root, with the same page paths.

Translation uses Sphinx's gettext catalogs (`sphinx-intl`): a message with no
translation, or a fuzzy one (its English changed), is shown in English, and
the build says how many there are.

    python -m socialbrain.book.editions build nl     # `make book` runs this
    python -m socialbrain.book.editions catalogs     # `make catalogs`: extract and update every .po
    python -m socialbrain.book.editions status       # what is still untranslated, per page
    python -m socialbrain.book.editions extract DIR  # only the English pages' .pot files (the tests use it)
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from socialbrain.i18n import CATALOGS as PACKAGE_CATALOGS
from socialbrain.i18n import DOMAIN as PACKAGE_DOMAIN
from socialbrain.i18n import LANGUAGE_ENV, SOURCE_LANGUAGE, TRANSLATIONS, read_po_file

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "_build"
SITE = BUILD / "html"
#: The book's catalogs, one `.po` per page: locales/<lang>/LC_MESSAGES/book/05-....po
LOCALES = ROOT / "locales"

#: Pages whose translation is finished and reviewed: tests/test_translations.py fails when one of
#: them has a message without a translation, or English that changed since it was translated.
COMPLETE = {
    "nl": ("book/intro", "book/content-note", "book/how-to-use", "book/01-wired-for-others",
           "book/02-rejection-hurts", "book/03-the-brains-own-painkillers", "book/04-love-loss-and-craving",
           "book/05-loneliness-is-not-isolation", "book/06-the-lonely-brain-under-pressure",
           "book/07-coping-with-rejection", "book/08-approach-and-avoidance",
           "book/progress", "book/glossary", "book/bibliography", "book/assignments", "book/instructor-guide",
           *(f"book/instructor-guide/{page}" for page in (
               "before-you-start", "release-and-collect", "grade", "grade-in-parallel", "sandbox",
               "feedback-and-export", "practice-notebooks", "troubleshooting")),
           *(f"exercises/{page}" for page in (
               "01-wired-for-others", "02-rejection-hurts", "03-the-brains-own-painkillers",
               "04-love-loss-and-craving", "05-loneliness-is-not-isolation",
               "06-the-lonely-brain-under-pressure", "07-coping-with-rejection", "08-approach-and-avoidance"))),
}


#: What _config.yml says in English, for each translated edition (merged into its settings).
EDITION_SETTINGS = {
    "nl": {
        "html_title": "Het sociale brein",
        "author": "het cursusteam van Het sociale brein",
        "bibtex_reference_style": "author_year_shorttitle_nl",  # "Baumeister en Leary (1995)"
        "bibtex_default_style": "socialbrain_nl",  # the course's notes on a source in Dutch (note_nl)
        "html_theme_options": {
            "search_bar_text": "Doorzoek dit boek...",
            "extra_footer": "<p>Tekst onder licentie CC BY 4.0; code MIT. Dit boek is lesmateriaal, "
                            "geen medisch advies.</p>",
        },
    },
}


def overrides(language: str) -> dict:
    """Sphinx settings that differ between editions (everything else comes from _config.yml)."""
    return {
        **EDITION_SETTINGS.get(language, {}),
        "language": language,
        "locale_dirs": [str(LOCALES)],
        "gettext_compact": False,        # one catalog per page: a translator works page by page
        "gettext_additional_targets": [],
        "nitpicky": True,
        # What `jupyter-book build .` passes besides _config.yml:
        "external_toc_path": str(ROOT / "_toc.yml"),
        "latex_individualpages": False,
    }


def edition_dir(language: str) -> Path:
    """Where one translated edition is built (its own doctrees and execution cache)."""
    return BUILD / language


def _sphinx(builder: str, outdir: Path, language: str, *, cache: Path | None = None, force_all=False,
            freshenv=False) -> int:
    from jupyter_book.sphinx import build_sphinx

    config = overrides(language)
    if cache is not None:
        config["nb_execution_cache_path"] = str(cache)
    if builder == "gettext":  # it extracts the prose: the notebooks' outputs are not translated text
        config["nb_execution_mode"] = "off"
    os.environ[LANGUAGE_ENV] = language  # the kernels that execute the pages write in this language
    result = build_sphinx(
        ROOT, outdir, noconfig=True, path_config=str(ROOT / "_config.yml"), confoverrides=config,
        doctreedir=outdir.parent / f".doctrees-{builder}", builder=builder,
        warningiserror=True, keep_going=True, force_all=force_all, freshenv=freshenv,
    )
    if isinstance(result, Exception):
        raise result
    return result


def mirror(source: Path, target: Path) -> int:
    """Make `target` a copy of `source`, copying only what changed; return how many files were copied."""
    copied = 0
    target.mkdir(parents=True, exist_ok=True)
    wanted = set()
    for path in source.rglob("*"):
        rel = path.relative_to(source)
        wanted.add(rel)
        dest = target / rel
        if path.is_dir():
            dest.mkdir(exist_ok=True)
        elif not dest.is_file() or dest.stat().st_mtime < path.stat().st_mtime or dest.stat().st_size != path.stat().st_size:
            shutil.copy2(path, dest)
            copied += 1
    for path in sorted(target.rglob("*"), reverse=True):
        if path.relative_to(target) not in wanted:
            path.rmdir() if path.is_dir() else path.unlink()
    return copied


def build(language: str, force_all: bool = False) -> int:
    """Build one translated edition into `_build/html/<language>/`; return Sphinx's exit status."""
    if language not in TRANSLATIONS:
        raise SystemExit(f"There is no {language!r} edition; the translated editions are: {', '.join(TRANSLATIONS)}.")
    html = edition_dir(language) / "html"
    status = _sphinx("html", html, language, cache=edition_dir(language) / ".jupyter_cache", force_all=force_all)
    if status == 0:
        mirror(html, SITE / language)
        print(report(language))
    return status


# --------------------------------------------------------------------------
# Catalogs
# --------------------------------------------------------------------------

@dataclass
class PageStatus:
    """How much of one catalog is translated."""

    catalog: str          # "book/05-loneliness-is-not-isolation" (the page) or "socialbrain" (the code)
    total: int
    untranslated: list[str]
    fuzzy: list[str]

    @property
    def missing(self) -> int:
        return len(self.untranslated) + len(self.fuzzy)


def read_catalog(path: Path, language: str) -> PageStatus:
    messages = [m for m in read_po_file(path, language) if m.id]
    return PageStatus(
        catalog=path.relative_to(_catalog_root(path)).with_suffix("").as_posix(),
        total=len(messages),
        untranslated=[_text(m.id) for m in messages if not _translated(m) and not m.fuzzy],
        fuzzy=[_text(m.id) for m in messages if m.fuzzy],
    )


def _catalog_root(path: Path) -> Path:
    """The LC_MESSAGES folder a catalog file sits in (pages may sit in sub-folders of it)."""
    for parent in path.parents:
        if parent.name == "LC_MESSAGES":
            return parent
    raise ValueError(f"{path} is not inside an LC_MESSAGES folder")


def _translated(message) -> bool:
    """A message has its translation (each of its plural forms, if it has them)."""
    return all(message.string) if isinstance(message.string, tuple) else bool(message.string)


def _text(msgid) -> str:
    return msgid if isinstance(msgid, str) else msgid[0]


def status(language: str) -> list[PageStatus]:
    """Every catalog of one language: the book's pages, then the package's own strings."""
    pages = sorted((LOCALES / language / "LC_MESSAGES").rglob("*.po"))
    package = PACKAGE_CATALOGS / language / "LC_MESSAGES" / f"{PACKAGE_DOMAIN}.po"
    return [read_catalog(p, language) for p in [*pages, package] if p.is_file()]


def report(language: str) -> str:
    """One line for the build log, and one per page that still has English in it."""
    pages = status(language)
    total = sum(p.total for p in pages)
    missing = sum(p.missing for p in pages)
    fuzzy = sum(len(p.fuzzy) for p in pages)
    lines = [f"{language} edition: {total - missing} of {total} messages translated; "
             f"{missing} shown in English ({fuzzy} fuzzy: their English changed). "
             "`python -m socialbrain.book.editions status` lists them per page."]
    return "\n".join(lines)


def add_task_messages(pot: Path) -> None:
    """The practice tasks' and widgets' prose is data, not ``_("...")`` calls: add it to the package's template."""
    from babel.messages.pofile import read_po, write_po

    from socialbrain.check.tasks import TASKS
    from socialbrain.widgets import WIDGETS

    with pot.open("rb") as handle:
        template = read_po(handle)
    for task in TASKS.values():
        for text in task.texts():
            template.add(text, auto_comments=[f"practice task {task.id}"])
    for name, module in WIDGETS.items():
        for text in module.spec().texts():
            template.add(text, auto_comments=[f"widget {name}"])
    with pot.open("wb") as handle:
        write_po(handle, template, sort_output=True, omit_header=False)


def extract(pot: Path) -> None:
    """Write the English pages' message templates (`.pot`, one per page) into `pot`."""
    # Read every page afresh: what the extension puts in a page (self-checks) can change without its source.
    if _sphinx("gettext", pot, SOURCE_LANGUAGE, freshenv=True) != 0:
        raise SystemExit("Extracting the book's messages failed (see above).")


def catalogs() -> None:
    """Extract every message (pages and package code) and update each language's `.po` files."""
    from sphinx_intl.basic import update

    pot = BUILD / "gettext"
    extract(pot)
    # sphinx.pot holds only the messages of the course's own templates; sphinx.po also translates
    # the theme's interface strings (which no .pot lists), by hand: an update would drop those.
    (pot / "sphinx.pot").unlink(missing_ok=True)
    update(str(LOCALES), str(pot), TRANSLATIONS, jobs=1)
    package_pot = BUILD / "gettext-package"
    package_pot.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [Path(sys.executable).parent / "pybabel", "extract", "--no-location", "--sort-output",
         "-k", "_", "-k", "N_", "-o", str(package_pot / f"{PACKAGE_DOMAIN}.pot"), str(ROOT / "socialbrain")],
        check=True,
    )
    add_task_messages(package_pot / f"{PACKAGE_DOMAIN}.pot")
    update(str(PACKAGE_CATALOGS), str(package_pot), TRANSLATIONS, jobs=1)
    for language in TRANSLATIONS:
        print(report(language))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m socialbrain.book.editions", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("build", help="build one translated edition into _build/html/<language>/")
    one.add_argument("language", choices=TRANSLATIONS)
    one.add_argument("--all", action="store_true", help="write every page, not only the changed ones")
    commands.add_parser("catalogs", help="extract every message and update the .po files")
    pot = commands.add_parser("extract", help="only write the English pages' message templates (.pot) into a folder")
    pot.add_argument("folder", type=Path)
    show = commands.add_parser("status", help="list what is still untranslated, per page")
    show.add_argument("language", nargs="?", default=TRANSLATIONS[0], choices=TRANSLATIONS)
    args = parser.parse_args(argv)
    if args.command == "build":
        return build(args.language, force_all=args.all)
    if args.command == "catalogs":
        catalogs()
        return 0
    if args.command == "extract":
        extract(args.folder)
        return 0
    for page in status(args.language):
        if page.missing:
            print(f"{page.catalog}: {page.missing} of {page.total} untranslated")
    print(report(args.language))
    return 0


if __name__ == "__main__":
    sys.exit(main())
