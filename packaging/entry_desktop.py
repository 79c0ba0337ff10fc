"""PyInstaller entry of ``antq-desktop`` (the windowed program); see packaging/antq.spec."""

import sys

from antq_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
