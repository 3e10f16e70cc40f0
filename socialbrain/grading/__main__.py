import sys

from . import _startup  # noqa: F401  (first: skips a slow optional import)
from .cli import main

# The guard matters: grading starts worker processes that import this
# package afresh; they must not run the command again.
if __name__ == "__main__":
    sys.exit(main())
