"""Name what a submission's code does that no answer needs, so the instructor can look.

Some tricks cannot be stopped from inside Python (a function that reads the
expected value from the calling test's frame, say). What they need can be
seen in the code, though: defining ``__eq__``, touching ``builtins``,
``sys.modules``, ``gc`` or ``ctypes``, IPython's exception or event hooks,
the kernel's history. :func:`scan_notebook` reads the code the student wrote
(answer cells and cells they added; never the course's own tests) and
returns one plain-words reason per finding, with the cell and line. The
grading report shows them in its integrity column; a finding is a reason to
look, not a verdict.
"""

from __future__ import annotations

import ast
import functools

from . import cells

#: Modules no answer in this course needs.
MODULES = {
    "builtins": "touches builtins", "gc": "uses the garbage collector (gc)", "ctypes": "uses ctypes",
    "inspect": "inspects the running code (inspect)", "linecache": "reads cached source code (linecache)",
    "atexit": "registers exit handlers (atexit)", "signal": "handles signals",
}
#: Bare names that reach the kernel's internals or end it.
NAMES = {
    "__builtins__": "touches builtins", "get_ipython": "uses IPython's internals (get_ipython)",
    "In": "reads the kernel's input history (In)", "_ih": "reads the kernel's input history (_ih)",
    "Out": "reads the kernel's output history (Out)", "_oh": "reads the kernel's output history (_oh)",
    "exit": "ends the kernel (exit)", "quit": "ends the kernel (quit)",
}
#: Attributes, on whatever object, with the same purpose.
ATTRIBUTES = {
    "_getframe": "inspects the calling code (sys._getframe)", "f_back": "inspects the calling code (frames)",
    "f_locals": "inspects the calling code (frames)", "f_globals": "inspects the calling code (frames)",
    "f_code": "inspects the calling code (frames)", "co_consts": "reads constants of compiled code",
    "set_custom_exc": "sets an IPython exception handler", "showtraceback": "changes how errors are shown",
    "excepthook": "changes how errors are shown (excepthook)", "events": "registers IPython event hooks",
    "history_manager": "reads the kernel's history", "_exit": "ends the Python process (os._exit)",
    "settrace": "installs a tracer (sys.settrace)", "setprofile": "installs a profiler (sys.setprofile)",
}
#: ``module.attribute`` uses that matter.
QUALIFIED = {("sys", "modules"): "changes or reads sys.modules", ("sys", "exit"): "ends the kernel (sys.exit)",
             ("os", "kill"): "sends signals to processes (os.kill)"}
#: Special methods that let a value pass a comparison it should fail.
COMPARISON_METHODS = {"__eq__", "__ne__", "__hash__", "__bool__", "__instancecheck__", "__subclasscheck__"}
BUILTIN_TYPES = {"int", "float", "str", "tuple", "list", "dict", "set", "bool", "frozenset"}


@functools.cache
def _transformer():
    """One IPython input transformer for the whole run (making one per cell is needless work)."""
    from IPython.core.inputtransformer2 import TransformerManager

    return TransformerManager()


def _python_source(code: str) -> tuple[str, list[str]]:
    """IPython's own transform (magics and ``!`` shell commands become Python); their use is a finding."""
    transformed = _transformer().transform_cell(code)
    if transformed == code:
        return code, []
    found = []
    if "get_ipython().system(" in transformed or "getoutput(" in transformed:
        found.append("runs shell commands (!)")
    if "run_cell_magic(" in transformed or "run_line_magic(" in transformed:
        found.append("uses IPython magics (%)")
    return transformed, found


def _finding(node) -> str | None:
    if isinstance(node, ast.Name):
        return NAMES.get(node.id)
    if isinstance(node, ast.Attribute):
        if isinstance(node.value, ast.Name) and (node.value.id, node.attr) in QUALIFIED:
            return QUALIFIED[(node.value.id, node.attr)]
        return ATTRIBUTES.get(node.attr)
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        modules = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
        return next((MODULES[m.split(".")[0]] for m in modules if m.split(".")[0] in MODULES), None)
    if isinstance(node, ast.FunctionDef) and node.name in COMPARISON_METHODS:
        return f"defines {node.name} (a value can be made to pass any comparison)"
    if isinstance(node, ast.ClassDef):
        bases = {b.id for b in node.bases if isinstance(b, ast.Name)} & BUILTIN_TYPES
        return f"subclasses {', '.join(sorted(bases))}" if bases else None
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and ".ipynb" in node.value:
        return "refers to a notebook file (.ipynb)"
    return None


def scan_code(code: str) -> list[tuple[int, str]]:
    """``[(line, reason)]`` for one cell of student code, each reason once."""
    try:
        transformed, found = _python_source(code)
    except Exception:  # noqa: BLE001 - odd input: analyse it as plain Python
        transformed, found = code, []
    try:
        tree = ast.parse(transformed)
    except SyntaxError as err:
        return [(err.lineno or 1, "is not valid Python (could not be checked)")]
    findings = {reason: 1 for reason in found}
    for node in ast.walk(tree):
        reason = _finding(node)
        if reason and reason not in findings and not (found and reason == NAMES["get_ipython"]):
            findings[reason] = getattr(node, "lineno", 1)
    return sorted((line, reason) for reason, line in findings.items())


def scan_notebook(nb) -> list[str]:
    """One reason per finding in the code the student wrote: ``"<cell>, line <n>: <reason>"``."""
    out = []
    for index, cell in enumerate(nb.get("cells", [])):
        if not cells.is_student_code(cell):
            continue
        where = cells.grade_id(cell) or f"cell {index + 1}"
        out += [f"{where}, line {line}: {reason}" for line, reason in scan_code(cells.source(cell))]
    return out
