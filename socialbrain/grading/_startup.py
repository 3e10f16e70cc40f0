"""Start grading processes faster by skipping one slow optional import.

``import nbformat`` imports ``jsonschema``, which imports the optional
``rfc3987_syntax`` package when it is installed (it comes with
``jsonschema[format-nongpl]``, which Jupyter's event system asks for). That
package compiles an IRI grammar at import: 1.5 s on an idle core, 4 s on a
busy one, in every process that grades. Grading never checks IRIs
(nbformat validates notebooks without format checks), so the course's
command and its worker processes tell Python that the package is absent;
jsonschema then simply does not offer the ``iri`` formats. Importing this
module does that, unless the package was already imported. Plain
``nbgrader`` and formgrader are not affected.
"""

import sys


def skip_slow_optional_imports() -> None:
    if "rfc3987_syntax" not in sys.modules and "jsonschema" not in sys.modules:
        sys.modules["rfc3987_syntax"] = None  # `import rfc3987_syntax` now raises ImportError


skip_slow_optional_imports()
