"""The Typer application every command module registers on (`warta.cli` runs it)."""
import typer

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Warta: business news in, a knowledge graph out.")
