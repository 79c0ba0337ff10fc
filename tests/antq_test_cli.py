"""``python tests/antq_test_cli.py ARGS``: ``python -m antq_desktop.cli ARGS`` at the tests' Argon2 cost."""

import os
import runpy
import sys

import argon2_cost

if __name__ == "__main__":
    argon2_cost.apply()
    sys.path[0] = os.getcwd()  # as `python -m` puts it
    runpy.run_module("antq_desktop.cli", run_name="__main__", alter_sys=True)
