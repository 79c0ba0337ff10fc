"""``python -m antq_desktop.cli``: the same as the ``antq`` console script."""

import sys

from .dispatch import main

sys.exit(main())
