"""The first program inside the grading sandbox: set the limits, lay out the folders, start the kernel.

:mod:`.sandbox` runs ``python -m socialbrain.grading.launch ... -- <kernel command>``
inside bubblewrap, already as the unprivileged sandbox user. This program

* sets the resource limits with ``setrlimit``, which the kernel and every
  process it starts inherit: address space (memory), processes and threads,
  size of any one file, and no core dumps;
* lowers its CPU priority to the lowest (``nice`` 19), so a class of endless
  loops cannot starve the grader itself (the coordinator, a Dask worker's
  heartbeat) on the same machine; an unprivileged process cannot raise it again;
* copies the submission's files (never its notebooks) from the read-only
  ``/grading/in`` into ``/tmp/work`` on the sandbox's own size-limited
  ``/tmp``, so whatever student code writes counts against the disk limit
  and disappears with the sandbox;
* makes the folder for the kernel's Unix sockets, then replaces itself with
  the kernel (``exec``), so the kernel is the process the grader watches.

It imports nothing from the course package, so it starts in milliseconds.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys

WORK = "/tmp/work"
HOME = "/tmp/home"
SOCKETS = "/tmp/ipc"
INPUT = "/grading/in"
NICE = 19  # the lowest CPU priority


def set_limits(memory: int, processes: int, file_size: int) -> None:
    """Apply the limits (0 leaves one unset); the kernel cannot raise them again."""
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    for limit, value in ((resource.RLIMIT_AS, memory), (resource.RLIMIT_NPROC, processes),
                         (resource.RLIMIT_FSIZE, file_size)):
        if value > 0:
            resource.setrlimit(limit, (value, value))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="socialbrain.grading.launch")
    parser.add_argument("--memory", type=int, default=0, help="bytes of address space per process")
    parser.add_argument("--processes", type=int, default=0, help="processes and threads")
    parser.add_argument("--file-size", type=int, default=0, help="bytes per file")
    parser.add_argument("kernel", nargs=argparse.REMAINDER, help="-- then the kernel's command")
    args = parser.parse_args(argv)
    command = args.kernel[1:] if args.kernel[:1] == ["--"] else args.kernel
    if not command:
        parser.error("no kernel command after --")
    os.umask(0o077)
    for folder in (HOME, SOCKETS):
        os.makedirs(folder, exist_ok=True)
    if os.path.isdir(INPUT):
        shutil.copytree(INPUT, WORK, dirs_exist_ok=True)
    else:
        os.makedirs(WORK, exist_ok=True)
    os.chdir(WORK)
    set_limits(args.memory, args.processes, args.file_size)
    os.setpriority(os.PRIO_PROCESS, 0, NICE)
    sys.stdout.flush()
    os.execv(command[0], command)


if __name__ == "__main__":
    main()
