"""The `warta` command.  Commands are thin: each lives in warta/commands/<area>.py,
parses its options and calls the library.  Nothing heavy is imported here, so
`warta --help` and `warta schema` stay fast."""
from __future__ import annotations

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Warta: business news in, a knowledge graph out.")


def _register() -> None:
    # each module adds its commands to `app` (or a sub-app) when imported
    from warta.commands import core  # noqa: F401
    for name in ("nlp", "kb", "store", "serve", "spark"):
        try:
            __import__(f"warta.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"warta.commands.{name}":
                raise


_register()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
