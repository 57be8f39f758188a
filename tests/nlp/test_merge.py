"""kb_merge: how the knowledge base's rule spans and the model's entities combine."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from warta.nlp.merge import kb_merge


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("id")


def run(nlp, text, model, rules):
    """model: [(start, end, label)] token spans; rules: [(start, end, label, id)]."""
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in model]
    doc.spans["kb_lower"] = [Span(doc, s, e, label=lab, span_id=i) for s, e, lab, i in rules]
    doc = kb_merge(doc)
    return [(e.text, e.label_, e.ent_id_) for e in doc.ents]


def test_rule_label_and_id_win_over_the_model(blank):
    got = run(blank, "Kerja sama dengan Lotte diumumkan", [(3, 4, "PERSON")], [(3, 4, "ORG", "org:lotte")])
    assert got == [("Lotte", "ORG", "org:lotte")]


def test_longer_model_name_keeps_a_place_inside_it(blank):
    got = run(blank, "Pemain PSMS Medan mencetak gol", [(1, 3, "ORG")], [(2, 3, "PLACE", "place:medan")])
    assert got == [("PSMS Medan", "ORG", "")]


def test_run_on_model_span_loses_to_the_names_it_joins(blank):
    got = run(blank, "Kemitraan Hyundai dan LG diumumkan", [(1, 4, "ORG")],
              [(1, 2, "ORG", "org:hyundai"), (3, 4, "ORG", "org:lg")])
    assert got == [("Hyundai", "ORG", "org:hyundai"), ("LG", "ORG", "org:lg")]


def test_lower_case_tail_is_not_part_of_a_name(blank):
    got = run(blank, "Hyundai teams up with LG Energy Solution on cells", [(4, 8, "ORG")],
              [(4, 7, "ORG", "org:lges")])
    assert got == [("LG Energy Solution", "ORG", "org:lges")]


def test_sentence_initial_capital_does_not_extend_a_name(blank):
    got = run(blank, "Pabrikan Negeri Sakura itu menambah investasi", [(0, 3, "ORG")],
              [(1, 3, "PLACE", "place:japan")])
    assert got == [("Negeri Sakura", "PLACE", "place:japan")]


def test_model_entities_elsewhere_are_kept(blank):
    got = run(blank, "Budi bertemu Toyota di Jakarta", [(0, 1, "PERSON"), (4, 5, "PLACE")],
              [(2, 3, "ORG", "org:toyota")])
    assert got == [("Budi", "PERSON", ""), ("Toyota", "ORG", "org:toyota"), ("Jakarta", "PLACE", "")]


def test_one_word_names_match_case_exactly_never_as_a_common_word():
    from warta.kb.base import load_kb
    from warta.kb.patterns import ruler_patterns
    pats = ruler_patterns("id")
    one_word = [p for p in pats if " " not in p["pattern"]]
    assert one_word and all(p["attr"] == "ORTH" for p in one_word)
    by_id: dict[str, set] = {}
    for p in one_word:
        by_id.setdefault(p["id"], set()).add(p["pattern"])
    written = {eid: {n for n in [e["name"], *e.get("aliases", [])] if n}
               for eid, e in load_kb().entities.items()}
    checked = 0
    for eid, forms in by_id.items():
        for f in forms:
            if f.islower() and f not in written[eid]:
                raise AssertionError(f"{eid}: lower-case form {f!r} is matched but never written so")
            checked += 1
    assert checked > 100


def test_model_names_inside_an_amount_are_dropped(monkeypatch):
    from types import SimpleNamespace

    from warta.model import MentionSpan
    from warta.nlp import stage
    body = "Hyundai menginvestasikan US$1,2 miliar."
    found = [MentionSpan(0, 7, "Hyundai", "ORG", source="rule", entity_id="org:hyundai"),
             MentionSpan(25, 28, "US$", "ORG", source="model")]
    monkeypatch.setattr(stage, "mentions", lambda b, lang="id": (found, None))
    wd = SimpleNamespace(doc=SimpleNamespace(body=body, language="id"), reference_date=None)
    out = stage.nlp_stage(wd)
    assert any(v.kind == "MONEY" and v.text.startswith("US$") for v in out.values)
    assert [m.text for m in out.mentions] == ["Hyundai"]


def test_a_name_glued_to_a_currency_sign_is_the_sign(monkeypatch):
    from types import SimpleNamespace

    from warta.model import MentionSpan
    from warta.nlp import stage
    body = "senilai US$5 juta di US"
    found = [MentionSpan(8, 10, "US", "PLACE", source="rule", entity_id="place:us"),
             MentionSpan(21, 23, "US", "PLACE", source="rule", entity_id="place:us")]
    monkeypatch.setattr(stage, "mentions", lambda b, lang="id": (found, None))
    out = stage.nlp_stage(SimpleNamespace(doc=SimpleNamespace(body=body, language="id"), reference_date=None))
    assert [(m.start, m.label) for m in out.mentions] == [(21, "PLACE")]
