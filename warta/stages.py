"""Every module that defines a stage, imported so that `warta.stage.STAGES` holds them
all.  A new stage is defined with `@stage(...)` in its module and that module added here."""
from warta.clean import dating as date  # noqa: F401
from warta.clean import duplicates as dedup  # noqa: F401
from warta.clean import language  # noqa: F401
from warta.clean import stage as clean  # noqa: F401
from warta.facts import stage as facts  # noqa: F401
from warta.kb import stage as resolve  # noqa: F401
from warta.nlp import stage as nlp  # noqa: F401
from warta.stage import STAGES, Stage

__all__ = ["STAGES", "Stage"]
