"""``python -m antq_desktop.cli``: the same as the ``antq`` console script."""

import sys

from .dispatch import main

if __name__ == "__main__":  # not when only imported (PyInstaller collects every submodule)
    sys.exit(main())
