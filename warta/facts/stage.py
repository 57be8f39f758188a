"""Stage "facts": every extractor over the resolved document, then the status its
clauses' tense and aspect give (aspect; the extractor's where they say nothing),
then the learned status model's choice when it is on (status_model), then certainty."""
from __future__ import annotations

from warta.facts import aspect, facility, infrastructure, investment, launch, partnership, people, product, status_model
from warta.facts.context import DocView
from warta.facts.modality import certainty
from warta.model import Fact, WorkDoc
from warta.stage import stage

EXTRACTORS = {
    "PARTNERSHIP": partnership.extract,
    "INVESTMENT": investment.extract,
    "PRODUCT": product.extract,
    "LAUNCH_PLAN": launch.extract,
    "FACILITY": facility.extract,
    "INFRASTRUCTURE": infrastructure.extract,
    "ROLE": people.roles,
    "QUOTE": people.quotes,
}
NO_CERTAINTY = {"ROLE", "QUOTE"}
PARTY_ARGS = ("parties", "investor", "maker", "owners", "person", "speaker", "org")


def _parties(f: Fact) -> list[str]:
    out = []
    for k in PARTY_ARGS:
        x = f.args.get(k)
        out += x if isinstance(x, list) else [x] if x else []
    return out


@stage("facts", requires=("doc.body", "doc.metadata", "doc.entities", "sentences", "mentions", "values"),
       assigns=("doc.facts",))
def facts(wd: WorkDoc) -> WorkDoc:
    v = DocView(wd)
    surfaces = {e.name: [m.text for m in e.mentions] for e in wd.doc.entities}
    out: list[Fact] = []
    for ftype, fn in EXTRACTORS.items():
        for f in fn(v):
            if ftype not in NO_CERTAINTY:
                said, year = [e.sentence for e in f.evidence], v.ref.year if v.ref else None
                f.status = aspect.status_of_fact(ftype, said, year) or f.status
                f.status = status_model.decide(ftype, f.status, said, [e.start for e in f.evidence], v.body,
                                               wd.doc.metadata.title, year, status_model.names_of(f.args))
                sent = next(s for s in v.sentences if s.start == f.evidence[0].start)
                names = _parties(f)
                f.certainty = certainty(f, sent, v.sentences, names, [x for n in names for x in surfaces.get(n, [])])
            out.append(f)
    wd.doc.facts = out
    return wd
