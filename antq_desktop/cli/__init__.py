"""``antq``: every service without Qt, for scripts at the upper level and for tests.

One module per command group; :mod:`.dispatch` builds the parser (each group registers its own
sub-commands) and runs the command.  ``from antq_desktop.cli import main`` is the console script.
"""

from .dispatch import COMMANDS, build_parser, main

__all__ = ["COMMANDS", "build_parser", "main"]
