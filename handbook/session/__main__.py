"""``python -m handbook.session``: see handbook/session/cli.py."""

import sys

from .cli import main

sys.exit(main())
