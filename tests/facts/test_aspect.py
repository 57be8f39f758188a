"""Status as tense and aspect say it (warta/facts/aspect.py), on sentences of the
project's own: the nearest marker before the trigger in its clause wins, a
negation flips what it reaches, a cancel or a denial ends the thing; and the
learned status model (warta/facts/status_model.py) answers only with a status of
the fact's type, and only when switched on."""
from __future__ import annotations

import pytest

from warta.facts import aspect, status_model
from warta.facts.lexicon import load
from warta.model import STATUS_VALUES

READINGS = [
    ("PARTNERSHIP", "Toyota akan menandatangani nota kesepahaman dengan PLN.", "exploring"),
    ("PARTNERSHIP", "Toyota telah menandatangani nota kesepahaman dengan PLN.", "agreed"),
    ("PARTNERSHIP", "Toyota belum menandatangani perjanjian dengan PLN.", "negotiating"),
    ("PARTNERSHIP", "Toyota sedang bernegosiasi dengan PLN soal pasokan listrik.", "negotiating"),
    ("PARTNERSHIP", "Toyota menegaskan tidak ada kesepakatan dengan PLN.", "ended"),
    ("PARTNERSHIP", "Toyota dan PLN sepakat untuk tidak melanjutkan kerja sama.", "ended"),
    ("PARTNERSHIP", "Toyota membantah kabar berdiskusi dengan PLN.", "ended"),
    ("PARTNERSHIP", "Toyota and PLN will end their partnership next year.", "ended"),
    ("INVESTMENT", "Toyota berencana berinvestasi Rp 5 triliun di Karawang.", "planned"),
    ("INVESTMENT", "Toyota siap menggelontorkan dana Rp 5 triliun.", "planned"),
    ("INVESTMENT", "Toyota telah menanamkan modal Rp 5 triliun di Karawang.", "completed"),
    ("INVESTMENT", "Toyota berkomitmen menyiapkan dana Rp 5 triliun.", "committed"),
    ("INVESTMENT", "Toyota urung berinvestasi di Karawang.", "cancelled"),
    ("INVESTMENT", "Toyota plans to invest $2 billion in a new plant.", "planned"),
    ("FACILITY", "Pabrik itu sedang dibangun di Karawang.", "under_construction"),
    ("FACILITY", "Toyota berencana membangun pabrik di Karawang.", "planned"),
    ("FACILITY", "Pabrik di Karawang telah beroperasi sejak tahun lalu.", "operating"),
    ("FACILITY", "Pabrik di Karawang belum beroperasi karena izin.", "under_construction"),
    ("FACILITY", "Pabrik yang akan beroperasi pada 2026 dibangun di Karawang.", "planned"),
    ("PRODUCT", "Toyota akan meluncurkan mobil listrik baru.", "planned"),
    ("PRODUCT", "Toyota resmi meluncurkan mobil listrik baru.", "launched"),
    ("PRODUCT", "Toyota sedang mengembangkan mobil listrik baru.", "in_development"),
]


@pytest.mark.parametrize("ftype,text,want", READINGS, ids=[r[1][:45] for r in READINGS])
def test_the_clause_says_the_status(ftype, text, want):
    assert aspect.status(ftype, aspect.read(ftype, text, 2024)) == want


def test_a_marker_in_another_clause_does_not_reach_the_trigger():
    r = aspect.read("FACILITY", "Toyota akan menambah karyawan, namun pabriknya telah beroperasi di Karawang.", 2024)
    assert r.verb == "operate" and r.marker == "perfect" and aspect.status("FACILITY", r) == "operating"


def test_a_threat_to_cancel_is_no_cancellation():
    assert aspect.read("PARTNERSHIP", "PLN mengancam membatalkan kerja sama dengan Toyota.", 2024).ending is None
    assert aspect.read("PARTNERSHIP", "PLN membatalkan kerja sama dengan Toyota.", 2024).ending == "cancel"


def test_a_year_after_the_articles_is_the_future():
    assert aspect.read("FACILITY", "Pabrik itu beroperasi pada 2027.", 2024).future_time
    assert aspect.read("FACILITY", "Pabrik itu beroperasi sejak 2019.", 2024).past_time
    assert not aspect.read("FACILITY", "Pabrik itu beroperasi sejak 2019.", 2024).future_time


def test_the_grammar_file_is_consistent():
    lx = load("aspect")
    for ftype, t in lx["types"].items():
        allowed = set(STATUS_VALUES[ftype])
        assert set(t["verbs"]) <= set(lx["verbs"]), ftype
        for key in ("progressive", "perfect", "negated"):
            assert set((t.get(key) or {}).values()) <= allowed, (ftype, key)
            assert set(t.get(key) or {}) <= set(t["verbs"]), (ftype, key)
        assert {v for k, v in t.items() if isinstance(v, str)} <= allowed, ftype
        assert set(t["verbs"].values()) - {None} <= allowed, ftype   # null: the unmarked verb says nothing
    for ftype, stages in lx["stages"].items():
        listed = [s for sts in stages.values() for s in sts]
        assert sorted(listed) == sorted(STATUS_VALUES[ftype]), ftype
        assert set(stages) == set(status_model.STAGES), ftype


def test_the_model_answers_only_when_switched_on(monkeypatch):
    args = ("INVESTMENT", "completed", ["Toyota berencana berinvestasi Rp 5 triliun."], [0],
            "Toyota berencana berinvestasi Rp 5 triliun.", "Toyota", 2024, ["Toyota"])
    monkeypatch.delenv("WARTA_STATUS_MODEL", raising=False)
    assert status_model.decide(*args) == "completed"   # off by default: the rules' status
    monkeypatch.setenv("WARTA_STATUS_MODEL", "1")
    for ftype in status_model.TYPES:
        for rule in STATUS_VALUES[ftype]:
            got = status_model.decide(ftype, rule, *args[2:])
            assert got in STATUS_VALUES[ftype], (ftype, rule, got)


def test_the_model_file_reports_the_ablation():
    m = status_model._model()
    assert m is not None and len(m["weights"]) == len(status_model.STAGES)
    acc = m["status_accuracy"]
    for kind in ("rules_only", "rules_and_model"):
        assert {"train", "dev"} <= set(acc[kind]), kind
    assert "train_5fold" in acc["rules_and_model"]


@pytest.mark.parametrize("text", ["JAKARTA - Toyota membantah isu kerja sama dengan PLN.",
                                  "JAKARTA - Toyota membantah kabar berdiskusi dengan PLN soal merger."])
def test_a_denial_ends_the_deal_and_is_no_hedge(extract, text):
    got = [f for f in extract(text) if f.type == "PARTNERSHIP"]
    assert len(got) == 1 and got[0].status == "ended" and got[0].certainty == "asserted", got


def test_a_rumour_without_denial_stays_hedged(extract):
    got = [f for f in extract("JAKARTA - Toyota dikabarkan berdiskusi dengan PLN soal merger.") if f.type == "PARTNERSHIP"]
    assert len(got) == 1 and got[0].certainty == "hedged", got
