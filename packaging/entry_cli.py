"""PyInstaller entry of ``antq`` (the console commands); see packaging/antq.spec."""

import sys

from antq_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
