"""Run every benchmark in bench/ in turn (each writes bench/results/<name>.json)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
ORDER = ["pipeline", "extraction", "nlp", "values", "resolve", "store", "api", "spark"]

if __name__ == "__main__":
    names = sys.argv[1:] or ORDER
    bad = 0
    for name in names:
        script = HERE / f"{name}.py"
        if not script.exists():
            print(f"-- {name}: no script, skipped")
            continue
        print(f"== {name}")
        bad += subprocess.call([sys.executable, str(script)]) != 0
    sys.exit(1 if bad else 0)
