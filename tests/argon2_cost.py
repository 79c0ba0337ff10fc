"""The tests' Argon2id cost: the same algorithm and code, a small memory and time cost.

The program hashes passwords and wraps the data key with Argon2id at its real cost (64 MiB, 3 passes:
``services/passwords.py``, ``services/encryption.py``): ≈ 0.2 s and 64 MiB a sign-in, by design. The
suite signs in thousands of times, so the tests make their stations with the cost below and every
process they run — the pytest worker, each ``antq`` command (``tests/cli_runner.py``) — hashes and
verifies at that cost. A hash keeps its parameters, so a station made here stays cheap to open.

``tests/test_passwords_cost.py`` runs the program without this module and checks that it hashes and
wraps at its own cost, and that a sign-in re-hashes a cheaper hash to that cost.
"""

from __future__ import annotations

from argon2 import PasswordHasher

from antq_desktop.services import encryption, passwords

PROGRAM_HASHER = passwords.hasher  # the program's own cost, kept before apply() replaces it
PROGRAM_WRAP = dict(encryption.ARGON2)
TEST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
TEST_WRAP = {"t": 1, "m": 1024, "p": 1}


def apply() -> None:
    """Hash and wrap at the tests' cost in this process."""
    passwords.hasher = TEST_HASHER
    encryption.ARGON2 = dict(TEST_WRAP)
