"""The `warta` command.  Commands are thin: each lives in warta/commands/<area>.py,
parses its options and calls the library.  Nothing heavy is imported here, so
`warta --help` and `warta schema` stay fast."""
from __future__ import annotations

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Warta: business news in, a knowledge graph out.")


def _register() -> None:
    # each module adds its commands to `app` (or a sub-app) when imported
    import importlib
    import pkgutil

    import warta.commands as pkg
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda m: m.name):
        importlib.import_module(f"warta.commands.{info.name}")


_register()


def main() -> None:
    app()


if __name__ == "__main__":  # run as a script: use the registered app of the imported module
    from warta.cli import main as _main
    _main()
