"""The grading sandbox: student code sees its own files, the Python it needs, and nothing else.

Every grading kernel starts inside bubblewrap (``bwrap``) with

* **a file system of its own**, built from nothing: the system's programs and
  libraries (``/usr``), the Python environment and the course package, read
  only; the submission's files (never its notebooks) in ``/tmp/work``; no
  home folders, no ``/root``, no ``/etc/shadow``, no course folder, no
  gradebook, no other student, and a ``/proc`` that shows only the
  sandbox's own processes;
* **no network**: a network namespace of its own, so not even 127.0.0.1 of
  the machine is reachable. The grader talks to the kernel over Unix
  sockets (jupyter_client's ``ipc`` transport), which it reaches through
  ``/proc/<pid>/root`` of the sandbox, so the sockets live on the
  sandbox's own size-limited ``/tmp`` too;
* **an environment rebuilt from a short allowlist** (:func:`kernel_environment`):
  no token, key or path of the grader reaches student code;
* **limits** (:mod:`.launch` sets them, :class:`Limits` holds them): memory
  (address space per process), processes and threads, disk (``/tmp`` is a
  tmpfs of that size; any one file is capped too), and nbgrader's per-cell
  time limit. When grading as root, the kernel runs as an unprivileged user
  of its own (a random high uid), so the process limit binds and no file
  readable only by root is readable.

:class:`SandboxKernelManager` is the kernel manager of
:class:`.execute.SandboxedExecute`, switched on in ``nbgrader_config.py``,
so the same sandbox holds for the course's command, for plain
``nbgrader autograde`` and for formgrader's button. :func:`check_sandbox`
tries the sandbox once before grading and fails closed: if it cannot start,
nothing is graded.
"""

from __future__ import annotations

import json
import os
import secrets
import select
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from traitlets import Integer, List, Unicode

from . import launch

MiB = 2**20
#: Where the submission's files and the connection file appear inside the sandbox.
INSIDE = "/grading"
#: Optional system files that programs commonly read (the dynamic loader's cache, the time zone, fonts).
SYSTEM_FILES = ("/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/localtime",
                "/etc/alternatives", "/etc/fonts", "/etc/mime.types")
#: A private uid per kernel when grading as root: above any real or subordinate user id.
UID_BASE, UID_SPAN = 3_000_000_000, 100_000_000


class SandboxError(RuntimeError):
    """The sandbox cannot start here, so nothing may be graded; the message says why and what to do."""


@dataclass(frozen=True)
class Limits:
    """What one submission may use. Defaults: 2 GiB, 128 processes and threads, 200 MiB of disk."""

    memory_mib: int = 2048
    processes: int = 128
    disk_mib: int = 200

    def describe(self) -> str:
        return f"memory {self.memory_mib} MiB, {self.processes} processes and threads, disk {self.disk_mib} MiB"


def python_folders() -> list[Path]:
    """Folders the kernel's Python needs: the environment, the interpreter, the course package.

    Both the path as Python uses it and the path it resolves to, so that a
    symlinked environment works inside the sandbox too.
    """
    package = Path(launch.__file__).resolve().parents[1]
    folders = []
    for p in {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix, str(package)}:
        for q in (Path(p).absolute(), Path(p).resolve()):
            if q not in folders and q.exists() and not str(q).startswith("/usr/"):
                folders.append(q)
    return folders


def kernel_environment() -> dict[str, str]:
    """The kernel's whole environment: nothing of the grader's is passed on."""
    home = launch.HOME
    return {
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), "/usr/local/bin", "/usr/bin", "/bin"]),
        "HOME": home, "TMPDIR": "/tmp", "USER": "student", "LOGNAME": "student",
        "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
        "IPYTHONDIR": f"{home}/.ipython", "MPLCONFIGDIR": f"{home}/.matplotlib",
        "PYTHONNOUSERSITE": "1", "PYTHONDONTWRITEBYTECODE": "1", "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
        "MALLOC_ARENA_MAX": "2",  # glibc reserves 64 MiB of address space per thread otherwise
        "NBGRADER_EXECUTION": "autograde",
        # ipykernel watches a parent process only for a pid other than 1 (it cannot see
        # the grader from inside), and without one it prints a notice meant for terminals.
        "JPY_PARENT_PID": "1",
    }


def _system_binds() -> list[str]:
    args = ["--ro-bind", "/usr", "/usr"]
    for top in ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"):
        if os.path.islink(top):
            args += ["--symlink", os.readlink(top), top]
        elif os.path.isdir(top):
            args += ["--ro-bind", top, top]
    args += ["--perms", "0755", "--dir", "/etc"]
    for path in SYSTEM_FILES:
        args += ["--ro-bind-try", path, path]
    return args


def _run_as_unprivileged_user() -> list[str]:
    """When grading as root: run the kernel as a fresh unprivileged uid, with no capabilities."""
    if os.geteuid() != 0:
        return []  # bubblewrap's user namespace already maps the kernel to the grader's own uid
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        raise SandboxError("grading as root needs `setpriv` (Debian/Ubuntu package util-linux) to drop root "
                           "inside the sandbox; install it, or grade as an ordinary user")
    uid = str(UID_BASE + secrets.randbelow(UID_SPAN))
    return [setpriv, f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--inh-caps=-all", "--bounding-set=-all"]


def bwrap_command(private: Path, program: list[str], limits: Limits, readable=(), info_fd: int | None = None) -> list[str]:
    """The full command that runs ``program`` (after :mod:`.launch` set the limits) in the sandbox.

    ``private`` is the grader's folder for this kernel: ``in/`` (the
    submission's files) and the connection file appear read-only under
    :data:`INSIDE`.
    """
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        raise SandboxError("bubblewrap (bwrap) is not installed, so student code cannot be run safely. "
                           "Install it (Debian/Ubuntu: sudo apt-get install bubblewrap) and grade again.")
    cmd = [
        # nbclient interrupts an endless loop with SIGINT sent to the whole
        # process group; bwrap itself must ignore it (the kernel handles it).
        "/bin/sh", "-c", 'trap "" INT; exec "$@"', "sh",
        bwrap, "--die-with-parent", "--unshare-pid", "--unshare-ipc", "--unshare-net", "--unshare-uts",
        "--unshare-cgroup-try", "--hostname", "sandbox", "--clearenv",
        *_system_binds(),
        # /tmp first: an environment or a checkout that lives under /tmp is bound over it below.
        "--perms", "1777", "--size", str(limits.disk_mib * MiB), "--tmpfs", "/tmp",
    ]
    folders = [*python_folders(), *(Path(p).resolve() for p in readable)]
    # bubblewrap makes missing parent folders readable by root only: open them for the sandbox user
    parents = sorted({str(a) for f in folders for a in f.parents if str(a) not in ("/", "/usr")}, key=len)
    for parent in parents:
        cmd += ["--perms", "0755", "--dir", parent]
    for folder in folders:
        cmd += ["--ro-bind", str(folder.resolve()), str(folder)]
    cmd += [
        "--ro-bind", str(private), INSIDE,
        "--proc", "/proc", "--dev", "/dev",
        "--perms", "1777", "--size", str(16 * MiB), "--tmpfs", "/dev/shm",
        "--chdir", "/tmp",
    ]
    for name, value in kernel_environment().items():
        cmd += ["--setenv", name, value]
    if info_fd is not None:
        cmd += ["--info-fd", str(info_fd)]
    nproc = limits.processes if os.geteuid() == 0 else 0  # see unenforced_limits()
    cmd += ["--", *_run_as_unprivileged_user(),
            sys.executable, "-m", launch.__name__, f"--memory={limits.memory_mib * MiB}",
            f"--processes={nproc}", f"--file-size={limits.disk_mib * MiB}", "--", *program]
    return cmd


def unenforced_limits(limits: Limits) -> list[str]:
    """Limits this machine cannot enforce, in words (empty when all hold)."""
    if os.geteuid() != 0:
        return [f"processes ({limits.processes}): not enforced when grading as an ordinary user, because the "
                "system counts all of that user's processes together; grade as root to enforce it"]
    return []


PROBE = r"""
import json, os, resource, socket
found = {"uid": os.getuid(), "env": sorted(os.environ), "nice": os.getpriority(os.PRIO_PROCESS, 0)}
found["limits"] = {n: resource.getrlimit(getattr(resource, n))[0] for n in ("RLIMIT_AS", "RLIMIT_NPROC", "RLIMIT_FSIZE")}
try:
    socket.create_connection(("127.0.0.1", 9), timeout=2).close()
    found["network"] = "open"
except OSError as err:
    found["network"] = err.strerror or str(err)
found["processes"] = sorted(p for p in os.listdir("/proc") if p.isdigit())
print(json.dumps(found))
"""


def check_sandbox(limits: Limits = Limits()) -> dict:
    """Start the sandbox once with a small probe; return what it saw, or raise :class:`SandboxError`.

    Fails closed: a sandbox that does not start, or in which the network is
    reachable or the kernel would run as root, stops grading before any
    student code runs.
    """
    with tempfile.TemporaryDirectory(prefix="sb-check-") as tmp:
        private = Path(tmp)
        (private / "in").mkdir()
        os.chmod(private, 0o755)
        cmd = bwrap_command(private, [sys.executable, "-c", PROBE], limits)
        proc = subprocess.run(cmd, capture_output=True, text=True, env=kernel_environment(), timeout=60)
    if proc.returncode != 0:
        raise SandboxError(
            "bubblewrap is installed but cannot start the grading sandbox: "
            f"{proc.stderr.strip()[-500:] or proc.returncode}. On Ubuntu 24.04 unprivileged user namespaces "
            "may be blocked by AppArmor (sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0)."
        )
    try:
        found = json.loads(proc.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        raise SandboxError(f"the grading sandbox started but its probe printed no result: {proc.stdout[-300:]!r}") from None
    if found["network"] == "open":
        raise SandboxError("the grading sandbox can reach the network (127.0.0.1); refusing to grade")
    if found["uid"] == 0:
        raise SandboxError("student code would run as root inside the sandbox; refusing to grade")
    return found


def submission_files(folder, limit: int):
    """``(relative path, path)`` of a submission's files: not its notebooks, not its links.

    The notebook being graded holds the (hidden) tests, so student code must
    not read it from disk; a symbolic link could point anywhere on this
    machine. Raises :class:`SandboxError` past ``limit`` bytes in all.
    """
    total = 0
    for parent, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not os.path.islink(os.path.join(parent, d))
                         and d not in (".ipynb_checkpoints", "__pycache__") and not d.startswith("."))
        for name in sorted(files):
            path = Path(parent, name)
            if name.endswith(".ipynb") or name.startswith(".") or path.is_symlink() or not path.is_file():
                continue
            total += path.stat().st_size
            if total > limit:
                raise SandboxError(f"the submission's files in {folder} are larger than the disk limit "
                                   f"({limit // MiB} MiB); not graded")
            yield path.relative_to(folder).as_posix(), path


def stage_inputs(workdir, target: Path, limit: int) -> None:
    """Copy a submission's files (:func:`submission_files`) where the sandbox user can read them."""
    target.mkdir(mode=0o755, exist_ok=True)
    for rel, path in submission_files(workdir, limit) if workdir else ():
        (target / rel).parent.mkdir(mode=0o755, parents=True, exist_ok=True)
        shutil.copyfile(path, target / rel)
        os.chmod(target / rel, 0o644)


def leftover_processes() -> list[str]:
    """Processes of sandbox users still running on this machine (there should be none after grading)."""
    out = subprocess.run(["ps", "-eo", "uid=,stat=,args="], capture_output=True, text=True).stdout
    return [line.strip() for line in out.splitlines()
            if UID_BASE <= int(line.split()[0]) < UID_BASE + UID_SPAN and not line.split()[1].startswith("Z")]


def _read_child_pid(fd: int, timeout: float = 60.0) -> int:
    """bwrap's ``--info-fd`` says, as JSON, which pid the sandbox has on this machine."""
    data = b""
    while b"}" not in data:
        ready, _, _ = select.select([fd], [], [], timeout)
        chunk = os.read(fd, 4096) if ready else b""
        if not chunk:
            raise SandboxError("the grading sandbox did not start (bubblewrap reported no process)")
        data += chunk
    return int(json.loads(data.decode())["child-pid"])


class SandboxKernelManager(AsyncKernelManager):
    """A kernel manager that starts every kernel inside the sandbox (see the module's docstring)."""

    memory_mib = Integer(Limits.memory_mib, help="Address space per process, in MiB.").tag(config=True)
    processes = Integer(Limits.processes, help="Processes and threads per submission.").tag(config=True)
    disk_mib = Integer(Limits.disk_mib, help="Disk a submission may write (its /tmp), in MiB.").tag(config=True)
    readable_paths = List(Unicode(), help="Further folders the kernel may read (read-only).").tag(config=True)

    _private: Path | None = None
    _info: tuple[int, int] | None = None

    @property
    def limits(self) -> Limits:
        return Limits(self.memory_mib, self.processes, self.disk_mib)

    async def _async_pre_start_kernel(self, **kw):
        self._private = Path(tempfile.mkdtemp(prefix="sb-"))
        os.chmod(self._private, 0o755)
        self.transport, self.cache_ports = "ipc", False
        self.ip = f"{launch.SOCKETS}/k"  # where the kernel makes its sockets; the grader's view is set at launch
        self.connection_file = str(self._private / "kernel.json")
        kernel_cmd, kw = await super()._async_pre_start_kernel(**kw)
        os.chmod(self.connection_file, 0o644)
        stage_inputs(kw.pop("cwd", None), self._private / "in", self.limits.disk_mib * MiB)
        inside = f"{INSIDE}/kernel.json"
        kernel_cmd = [inside if arg == self.connection_file else arg for arg in kernel_cmd]
        read_end, write_end = os.pipe()
        self._info = (read_end, write_end)
        cmd = bwrap_command(self._private, kernel_cmd, self.limits, self.readable_paths, info_fd=write_end)
        # What student code writes straight to its file descriptors 1 and 2 reaches nobody.
        kw.update(env=kernel_environment(), cwd="/", pass_fds=(write_end,),
                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return cmd, kw

    async def _async_launch_kernel(self, kernel_cmd, **kw):
        read_end, write_end = self._info
        try:
            await super()._async_launch_kernel(kernel_cmd, **kw)
        finally:
            os.close(write_end)
        try:
            pid = _read_child_pid(read_end)
        except SandboxError:
            await self._async_kill_kernel()
            raise
        finally:
            os.close(read_end)
        self.ip = f"/proc/{pid}/root{launch.SOCKETS}/k"

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        if self._private is not None and not restart:
            shutil.rmtree(self._private, ignore_errors=True)
            self._private = None

    cleanup_resources = _async_cleanup_resources
