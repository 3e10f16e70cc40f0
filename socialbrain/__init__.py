"""Code shared by the chapters, exercises and assignments of The Social Brain.

Subpackages: `widgets` and `figures` (what the chapters show), `scales` and
`simulate` (questionnaires and simulated data), `check` (feedback in the
practice notebooks), `grading` (the instructor's workflow) and `book` (the
Sphinx extension). Importing the package itself loads nothing heavy.
"""
