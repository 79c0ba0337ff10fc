"""Use cases, one module per area. They take a :class:`Database` and never import Qt.

Importing a module here registers nothing: the rules the services put into storage's write path
(the read-only account, the hub's and the period lock's refusals, the audit anchor, the locked-data
error) are wired by :func:`antq_desktop.services.setup.wire`, which the program, the command line
and the tests call once at start.
"""
