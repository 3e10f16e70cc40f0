"""Run student code where it cannot reach the gradebook or anyone else's files.

Under plain nbgrader, a submission runs with the grader's rights in
``autograded/<student>/<assignment>/``: three ``..`` away from the gradebook
and the source notebooks. :class:`SandboxKernelManager` starts every grading
kernel inside bubblewrap (``bwrap``):

* the whole file system is mounted read-only;
* the course directory is replaced by an empty in-memory folder, so the
  gradebook, ``source/``, ``release/``, ``submitted/``, ``feedback/`` and the
  other students' folders are invisible;
* only the submission's own working folder is mounted back, writable;
* the Python environment and the ``socialbrain`` package are mounted back
  read-only when they live inside the course directory;
* ``/tmp`` and the IPython/matplotlib folders are private in-memory folders.

It is switched on in ``nbgrader_config.py`` (``Execute.kernel_manager_class``),
so it holds for ``nbgrader autograde``, formgrader's autograde button and
``python -m socialbrain.grading grade`` alike. If ``bwrap`` is missing or does
not work, grading stops with a clear error instead of running unprotected.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from traitlets import Bool, List, Unicode

BWRAP = "bwrap"


class SandboxError(RuntimeError):
    """bubblewrap is missing or cannot start a sandbox on this machine."""


def _package_dir() -> Path:
    return Path(__file__).resolve().parents[1]


def bwrap_command(course_root, workdir, expose_readonly=(), extra_hidden=(), readable_files=()) -> list[str]:
    """Return the ``bwrap`` arguments (without the final command)."""
    bwrap = shutil.which(BWRAP)
    if bwrap is None:
        raise SandboxError(
            "bubblewrap (bwrap) is not installed, so student code cannot be run safely. "
            "Install it (Debian/Ubuntu: sudo apt-get install bubblewrap) and grade again."
        )
    root = Path(course_root).resolve()
    work = Path(workdir).resolve()
    cmd = [
        # nbclient interrupts an endless loop with SIGINT sent to the whole
        # process group; bwrap itself must ignore it (the kernel handles it).
        "/bin/sh", "-c", 'trap "" INT; exec "$@"', "sh",
        bwrap,
        "--ro-bind", "/", "/",
        "--dev", "/dev",
        "--proc", "/proc",
        "--tmpfs", "/tmp",
        "--tmpfs", str(root),
    ]
    for path in expose_readonly:
        # The environment may live inside the course folder or under /tmp (a fresh
        # clone, a CI checkout): both are hidden above, so bind it back, read-only.
        p = Path(path).resolve()
        hidden = p.is_relative_to(root) or p.is_relative_to("/tmp")
        if p.exists() and hidden and not work.is_relative_to(p):
            cmd += ["--ro-bind", str(p), str(p)]
    for path in extra_hidden:
        p = Path(path).resolve()
        if p.exists() and not work.is_relative_to(p):
            cmd += ["--tmpfs" if p.is_dir() else "--ro-bind", *( [str(p)] if p.is_dir() else ["/dev/null", str(p)] )]
    for path in readable_files:  # e.g. the kernel's connection file in /tmp
        p = Path(path).resolve()
        cmd += ["--ro-bind", str(p), str(p)]
    cmd += [
        "--bind", str(work), str(work),
        "--chdir", str(work),
        "--setenv", "HOME", "/tmp",
        "--setenv", "IPYTHONDIR", "/tmp/.ipython",
        "--setenv", "MPLCONFIGDIR", "/tmp/.matplotlib",
        # ipykernel would watch a parent pid it cannot see from inside the
        # pid namespace; --die-with-parent does that job instead.
        "--setenv", "JPY_PARENT_PID", "1",
        "--unshare-pid",
        "--unshare-ipc",
        "--die-with-parent",
        "--",
    ]
    return cmd


def check_sandbox() -> None:
    """Raise :class:`SandboxError` unless bwrap can start a sandbox here."""
    bwrap = shutil.which(BWRAP)
    if bwrap is None:
        bwrap_command("/", "/")  # raises with the install hint
    proc = subprocess.run(
        [bwrap, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--unshare-pid", "true"],
        capture_output=True, text=True,
    )
    if proc.returncode != 0:
        raise SandboxError(
            "bubblewrap is installed but cannot create a sandbox: "
            f"{proc.stderr.strip() or proc.returncode}. On Ubuntu 24.04 unprivileged user "
            "namespaces may be blocked by AppArmor "
            "(sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0)."
        )


class SandboxKernelManager(AsyncKernelManager):
    """A kernel manager that starts the kernel inside bubblewrap."""

    course_root = Unicode(
        "", help="The course directory to hide from student code (default: the current folder)."
    ).tag(config=True)

    expose_readonly = List(
        Unicode(),
        help="Folders inside the course directory that the kernel may read "
        "(default: the Python environment and the socialbrain package).",
    ).tag(config=True)

    hidden_paths = List(
        Unicode(), help="Further files or folders outside the course directory to hide."
    ).tag(config=True)

    enabled = Bool(True, help="Set to False only to debug: runs student code unprotected.").tag(config=True)

    async def _async_pre_start_kernel(self, **kw):
        kernel_cmd, kw = await super()._async_pre_start_kernel(**kw)
        if not self.enabled:
            return kernel_cmd, kw
        workdir = kw.get("cwd") or os.getcwd()
        root = self.course_root or os.getcwd()
        expose = list(self.expose_readonly) or [sys.prefix, str(_package_dir())]
        kernel_cmd = list(kernel_cmd)
        connection = [kernel_cmd[i + 1] for i, a in enumerate(kernel_cmd[:-1]) if a == "-f"]
        prefix = bwrap_command(root, workdir, expose, self.hidden_paths, connection)
        return prefix + kernel_cmd, kw
