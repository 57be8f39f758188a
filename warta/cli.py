"""The `warta` command.  Commands are thin: each lives in warta/commands/<area>.py,
registers on `warta.commands.app.app`, parses its options and calls the library.
Nothing heavy is imported here, so `warta --help` and `warta schema` stay fast."""
from __future__ import annotations

import importlib
import pkgutil

import warta.commands as _commands
from warta.commands.app import app

__all__ = ["app", "main"]

# every module of warta/commands adds its commands to `app` (or a sub-app) when imported
for _info in sorted(pkgutil.iter_modules(_commands.__path__), key=lambda m: m.name):
    importlib.import_module(f"{_commands.__name__}.{_info.name}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
