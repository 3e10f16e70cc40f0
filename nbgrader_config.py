"""nbgrader configuration of The Social Brain (the repository root is the course directory).

Everything that keeps grading safe lives here, so it holds however grading
is started: ``python -m socialbrain.grading grade``, ``nbgrader autograde``
in this folder, or formgrader's autograde button.

Generated (and git-ignored): release/, submitted/, autograded/, feedback/, the grade files,
downloaded/, gradebook.db, backups/, reports/.
"""

import os

import nbgrader
from nbconvert.preprocessors import ClearMetadataPreprocessor, CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import (
    AssignLatePenalties,
    CheckCellMetadata,
    ClearOutput,
    DeduplicateIds,
    GetGrades,
    IgnorePattern,
    OverwriteCells,
    OverwriteKernelspec,
    SaveAutoGrades,
)

import socialbrain.grading
from socialbrain.grading.execute import SandboxedExecute
from socialbrain.grading.preprocessors import HideHiddenTests, LimitOutputSize, RestoreDeletedCells

HERE = os.path.dirname(os.path.abspath(__file__))
c = get_config()  # noqa: F821 (provided by nbgrader)

# --- the course -------------------------------------------------------------
c.CourseDirectory.course_id = "social-brain"
c.CourseDirectory.root = HERE
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", ".DS_Store"]

# --- autograding: the sandbox and its limits --------------------------------------
# Student code runs in SandboxedExecute's kernel manager (socialbrain/grading/sandbox.py):
# no network, a file system holding only Python and the submission's own files, an
# environment rebuilt from an allowlist, and these limits per submission. A submission
# that hits one loses the answers affected; the report names the limit and the cell.
# Per-cell time limit in seconds: an endless loop scores zero for that cell, the
# other cells are still graded. Override with SOCIALBRAIN_CELL_TIMEOUT.
c.Execute.timeout = int(os.environ.get("SOCIALBRAIN_CELL_TIMEOUT", "60"))
c.Execute.interrupt_on_timeout = True
c.SandboxKernelManager.memory_mib = 2048   # address space per process
c.SandboxKernelManager.processes = 128     # processes and threads (enforced when grading as root)
c.SandboxKernelManager.disk_mib = 200      # everything written, /tmp included
c.RestoreDeletedCells.course_root = HERE
c.LimitOutput.max_lines = 1000
c.LimitOutputSize.max_chars = 20000

c.Autograde.sanitize_preprocessors = [
    ClearOutput,
    DeduplicateIds,
    OverwriteKernelspec,
    RestoreDeletedCells,   # deleted test cells come back from release/
    OverwriteCells,        # edited test cells get their original source
    CheckCellMetadata,
]
c.Autograde.autograde_preprocessors = [
    SandboxedExecute,      # student code runs in the sandbox (socialbrain/grading/execute.py)
    IgnorePattern,
    ClearMetadataPreprocessor,
    LimitOutputSize,
    SaveAutoGrades,
    AssignLatePenalties,
    CheckCellMetadata,
]

# --- feedback: failed-test messages, never hidden-test source ---------------
c.GenerateFeedback.preprocessors = [GetGrades, CSSHTMLHeaderPreprocessor, HideHiddenTests]
# Feedback and formgrader pages load nothing from other hosts: the course's templates
# (first) drop the MathJax that nbgrader's templates fetch from a CDN; nbgrader's own follow.
c.HTMLExporter.extra_template_basedirs = [
    os.path.join(os.path.dirname(socialbrain.grading.__file__), "templates"),
    os.path.join(os.path.dirname(nbgrader.__file__), "server_extensions", "formgrader", "templates"),
]

# --- the learning platform: its downloads in, its grade-import file out ---------
# canvas | brightspace | moodle (socialbrain/grading/platforms/). The course's collect
# and export commands use it unless told --platform; so do plain `nbgrader zip_collect`
# and `nbgrader export`. Items: an assignment's name on the platform, if it differs.
c.Platform.name = "canvas"
c.Platform.items = {}
c.ZipCollectApp.collector_plugin = "socialbrain.grading.platforms.PlatformCollector"
c.ExportApp.plugin_class = "socialbrain.grading.platforms.PlatformExport"
