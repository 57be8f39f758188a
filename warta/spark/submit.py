"""Entry point for spark-submit: `spark-submit ... warta/spark/submit.py INPUT... --output DIR`."""
from __future__ import annotations

import sys

from warta.cli import app

if __name__ == "__main__":
    sys.exit(app(["spark", "extract", *sys.argv[1:]], standalone_mode=True))
