"""Benchmark: how fast the book builds and rebuilds, ours beside plain Jupyter Book.

Builds a clean copy of the committed book twice over, once with the course's
settings (`execute_notebooks: cache`) and once as plain Jupyter Book runs it
(`execute_notebooks: auto`, its default), each through four steps:

  cold       empty _build: everything is read and every notebook executed
  unchanged  nothing edited
  text edit  one sentence added to one chapter's prose
  code edit  one code cell of the same chapter changed

and prints, per step, the seconds taken and how many notebooks were executed.
Targets (issue 7): an unchanged rebuild executes no notebook; a one-chapter
edit re-executes only that chapter and takes under a quarter of the cold build.

Run:  .venv/bin/python bench/build.py  [--chapter book/02-rejection-hurts.md]
"""

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JB = ROOT / ".venv" / "bin" / "jupyter-book"


def checkout(dest):
    """A clean copy of the committed tree, sharing the installed npm packages."""
    subprocess.run(["git", "clone", "-q", str(ROOT), str(dest)], check=True)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")


def build(book):
    start = time.perf_counter()
    run = subprocess.run([str(JB), "build", ".", "-v"], cwd=book, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if run.returncode != 0:
        sys.exit(f"build failed in {book}:\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}")
    executed = len(re.findall(r"Executed notebook in", run.stdout + run.stderr))
    return seconds, executed


def edit_text(chapter):
    chapter.write_text(chapter.read_text() + "\nThis sentence was added by the build benchmark.\n")


def edit_code(chapter):
    text = chapter.read_text()
    marker = "```{code-cell} ipython3\n"
    at = text.index(marker)
    # skip the cell's option lines (":tags: ..."), then add a statement
    body = at + len(marker)
    while text[body] == ":":
        body = text.index("\n", body) + 1
    chapter.write_text(text[:body] + "_benchmark_edit = 1\n" + text[body:])


def run_variant(name, workdir, chapter, mode):
    book = workdir / name
    checkout(book)
    config = book / "_config.yml"
    config.write_text(re.sub(r"execute_notebooks: \w+", f"execute_notebooks: {mode}", config.read_text()))
    steps = {}
    steps["cold"] = build(book)
    steps["unchanged"] = build(book)
    edit_text(book / chapter)
    steps["text edit"] = build(book)
    edit_code(book / chapter)
    steps["code edit"] = build(book)
    return steps


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chapter", default="book/02-rejection-hurts.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        results = {
            "course (cache)": run_variant("course", Path(tmp), args.chapter, "cache"),
            "plain JB (auto)": run_variant("plain", Path(tmp), args.chapter, "auto"),
        }
    print(f"\nBuild benchmark, editing {args.chapter}")
    print(f"{'step':<12}" + "".join(f"{name:>28}" for name in results))
    for step in ("cold", "unchanged", "text edit", "code edit"):
        cells = "".join(f"{s:>15.1f} s {n:>3} executed" for s, n in (r[step] for r in results.values()))
        print(f"{step:<12}{cells}")
    ours = results["course (cache)"]
    cold = ours["cold"][0]
    print(f"unchanged rebuild executes no notebook: {ours['unchanged'][1] == 0}")
    for step in ("text edit", "code edit"):
        print(f"{step}: {ours[step][1]} notebook(s) executed, {ours[step][0] / cold:.0%} of the cold build "
              f"(target: at most 1 and under 25%)")


if __name__ == "__main__":
    main()
