"""The instructor's grading workflow: ``python -m socialbrain.grading <command>``.

Commands: ``release``, ``roster``, ``collect``, ``grade``, ``feedback``, ``export``; run
any of them with ``--help``. The course directory is the repository root
(the folder with ``nbgrader_config.py``). Safety settings (the sandbox and
its limits, time limit, restored tests, hidden-test-free feedback) live in
``nbgrader_config.py`` so that plain ``nbgrader`` and formgrader use them too.

Modules, in the order a submission meets them:

* :mod:`.course` finds the course and loads its configuration (or refuses);
  :mod:`.failsafe` makes plain nbgrader refuse too when that configuration
  does not load;
* :mod:`.platforms` reads learning platforms' downloads and writes their
  grade-import files; :mod:`.roster` loads their class lists;
* :mod:`.collect` and :mod:`.checks` collect and check submissions;
* :mod:`.coordinator` grades: sanitises, hands notebooks to an executor
  (:mod:`.executors`: here, a local pool or a Dask cluster), records grades;
* :mod:`.execute` runs a notebook and checks its tests really ran;
  :mod:`.sandbox` and :mod:`.launch` are the sandbox it runs in;
* :mod:`.integrity` names suspicious student code; :mod:`.exact` is what
  hidden tests compare with; :mod:`.cells` reads nbgrader's cell metadata;
* :mod:`.preprocessors` holds the course's nbgrader preprocessors;
  :mod:`.report` prints and writes the report; :mod:`.workflow` holds the
  other commands; :mod:`.cli` parses arguments; :mod:`.simulated` makes
  simulated students for tests and benchmarks.

Importing this package loads nothing: :mod:`.exact` is imported inside the
grading sandbox.
"""
