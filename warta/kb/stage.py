"""Stage "resolve": mentions -> entities with canonical names and stable ids."""
from __future__ import annotations

from functools import lru_cache

from warta.kb.resolve import Resolver
from warta.model import WorkDoc
from warta.stage import Stage, stage


@lru_cache(maxsize=1)
def resolver() -> Resolver:
    return Resolver()


def resolve(wd: WorkDoc) -> WorkDoc:
    wd.doc.entities = resolver().resolve(wd.doc.body, wd.mentions, wd.sentences, wd.doc.metadata)
    wd.mentions = sorted(wd.mentions, key=lambda m: m.start)
    return wd


@stage("resolve", requires=("doc.body", "doc.metadata", "mentions", "sentences"), assigns=("doc.entities", "mentions"))
class Resolve(Stage):
    def __call__(self, wd: WorkDoc) -> WorkDoc:
        return resolve(wd)

    def warm_up(self) -> None:
        resolver()
