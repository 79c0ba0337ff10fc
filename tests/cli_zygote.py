"""A fork server for the ``antq`` commands the tests run (``tests/cli_runner.py`` starts and talks to it).

Each ``antq`` command of a test is a process of its own, as the upper level's scripts run it: its own
exit code, its own memory, nothing left over from the command before. Starting Python and importing
the program (SQLAlchemy, the ORM classes, the services) is ≈ 0.8 s of every such command, though, and the
suite runs hundreds. So this server imports the program once and forks a child per command: the child
sets the command's working folder, environment, arguments, standard input (empty) and output (files),
runs ``antq_desktop.cli`` as ``python -m antq_desktop.cli`` would, and exits with its code; an exception
that escapes is printed as Python prints it, exit 1, so a traceback shows as it would in a real run.

Protocol, one JSON line each way on stdin/stdout: ``{"argv", "env", "cwd", "out", "err", "timeout"}`` →
``{"returncode"}`` (negative: killed by that signal, as ``subprocess`` reports it).
"""

from __future__ import annotations

import atexit
import json
import os
import runpy
import signal
import sys
import traceback


def _preload() -> None:
    import argon2_cost

    import antq_desktop.cli.dispatch  # noqa: F401 - the commands and what they import at module level
    from antq_desktop.services import station  # noqa: F401 - SQLAlchemy, the ORM, the migrations check

    argon2_cost.apply()
    for name in ("sqlalchemy.dialects.sqlite", "sqlalchemy.dialects.postgresql", "psycopg"):
        try:
            __import__(name)
        except ImportError:
            pass


def _child(request: dict) -> None:
    """In the forked child: become the command and never return."""
    code = 1
    try:
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        null = os.open(os.devnull, os.O_RDONLY)
        out = os.open(request["out"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        err = os.open(request["err"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(null, 0)
        os.dup2(out, 1)
        os.dup2(err, 2)
        for fd in (null, out, err):
            os.close(fd)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
        signal.alarm(int(request["timeout"]))
        sys.path[0] = os.getcwd()  # as `python -m` puts it
        sys.argv = ["-m", *request["argv"]]
        try:
            runpy.run_module("antq_desktop.cli", run_name="__main__", alter_sys=True)
            code = 0
        except SystemExit as exc:
            if exc.code is None:
                code = 0
            elif isinstance(exc.code, int):
                code = exc.code
            else:
                print(exc.code, file=sys.stderr)
                code = 1
        except BaseException:  # noqa: BLE001 - printed as the interpreter prints it
            traceback.print_exc()
            code = 1
        atexit._run_exitfuncs()
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:  # noqa: BLE001 - a closed pipe: nothing more to say
                pass
    finally:
        os._exit(code & 0xFF)


def main() -> None:
    _preload()
    requests, replies = sys.stdin, sys.stdout
    while True:
        line = requests.readline()
        if not line:
            return
        request = json.loads(line)
        replies.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            _child(request)
        _, status = os.waitpid(pid, 0)
        replies.write(json.dumps({"returncode": os.waitstatus_to_exitcode(status)}) + "\n")
        replies.flush()


if __name__ == "__main__":
    main()
