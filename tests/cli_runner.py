"""How the tests run an ``antq`` command: a process of its own, forked from a server that imported the program.

``run(argv, env)`` gives what ``subprocess.run([python, "-m", "antq_desktop.cli", *argv], ...)`` gives — a
``CompletedProcess`` with the exit code and the output as text — from a child of ``tests/cli_zygote.py``
(one server per pytest worker, started at its first command, with the environment of the first
command; the child takes each command's own). Where ``os.fork`` is missing (Windows), or with
``ANTQ_TEST_CLI=subprocess``, each command starts Python afresh through ``tests/antq_test_cli.py``.
Either way the command hashes at the tests' Argon2 cost (``tests/argon2_cost.py``).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
MODE_ENV = "ANTQ_TEST_CLI"


class _Server:
    def __init__(self, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(HERE / "cli_zygote.py")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=env,
        )

    def alive(self) -> bool:
        return self.proc.poll() is None

    def run(self, argv: list[str], env: dict[str, str], timeout: float) -> int:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        with tempfile.TemporaryDirectory(prefix="antq-cli-") as tmp:
            out, err = Path(tmp) / "out", Path(tmp) / "err"
            request = {"argv": argv, "env": env, "cwd": os.getcwd(), "out": str(out), "err": str(err)}
            self.proc.stdin.write(json.dumps({**request, "timeout": timeout}) + "\n")
            self.proc.stdin.flush()
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError("the antq test server stopped")
            code = json.loads(line)["returncode"]
            self.output = (_read(out), _read(err))
        return code

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(timeout=30)


def _read(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8", errors="replace").replace("\r\n", "\n")
    except FileNotFoundError:
        return ""


_server: _Server | None = None
_lock = threading.Lock()  # one command at a time through the server (a test's threads take turns)


def forking() -> bool:
    return hasattr(os, "fork") and os.environ.get(MODE_ENV, "fork") != "subprocess"


def run(argv: list[str], env: dict[str, str], timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """Run ``antq ARGV`` with environment ``env``; output decoded as UTF-8."""
    global _server
    command = [sys.executable, "-m", "antq_desktop.cli", *argv]
    if not forking():
        return subprocess.run(
            [sys.executable, str(HERE / "antq_test_cli.py"), *argv],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=timeout,
            check=False,
        )
    with _lock:
        if _server is None or not _server.alive():
            _server = _Server(env)
        code = _server.run(argv, env, timeout)
        out, err = _server.output
    if code == -signal.SIGALRM:
        raise subprocess.TimeoutExpired(command, timeout, out, err)
    return subprocess.CompletedProcess(command, code, out, err)


def close() -> None:
    global _server
    if _server is not None:
        _server.close()
        _server = None
