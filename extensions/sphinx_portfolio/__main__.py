"""``python -m sphinx_portfolio new DIR --from resume.json``: see :mod:`sphinx_portfolio.cli`."""

import sys

from .new.cli import main

sys.exit(main())
