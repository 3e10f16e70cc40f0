"""The instructor's grading workflow: ``python -m socialbrain.grading <command>``.

Commands: ``release``, ``collect``, ``grade``, ``feedback``, ``export``; run
any of them with ``--help``. The course directory is the repository root
(the folder with ``nbgrader_config.py``). Safety settings (sandboxed kernel,
time limit, restored tests, hidden-test-free feedback) live in
``nbgrader_config.py`` so that plain ``nbgrader`` and formgrader use them too.

Modules: :mod:`.course` (finding the course and its config),
:mod:`.checks` (submission checks and the tamper report),
:mod:`.sandbox` (bubblewrap kernel), :mod:`.preprocessors` (nbgrader
preprocessors), :mod:`.collect` (zip_collect plugin), :mod:`.workflow`
(the commands), :mod:`.parallel` (grading in worker processes, one
gradebook writer at a time), :mod:`.cli` (argument parsing),
:mod:`.simulated` (simulated students for tests and benchmarks).
"""
