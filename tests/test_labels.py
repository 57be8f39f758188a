"""Every code the extractors can write has a label in both languages, and a fact line
says who, what, how much and where."""
from __future__ import annotations

from pathlib import Path

import yaml

from warta.store.labels import FACT_TYPES, amount_text, fact_label, label, labels, sector_of

DATA = Path(__file__).resolve().parents[1] / "warta" / "data"


def test_every_status_and_kind_the_extractors_know_is_labelled_in_both_languages():
    for f in sorted((DATA / "facts").glob("*.yaml")):
        d = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        for st in (d.get("status") or {}) if isinstance(d.get("status"), dict) else []:
            assert st in labels()["statuses"], f"{f.name}: status {st} has no label"
        for kind in (d.get("kinds") or {}) if isinstance(d.get("kinds"), dict) else []:
            assert kind in labels()["kinds"], f"{f.name}: kind {kind} has no label"
    for group in ("types", "statuses", "certainty", "entity_types", "kinds"):
        for code, entry in labels()[group].items():
            assert entry.get("id") and entry.get("en"), f"{group}.{code}"
    for t, sts in labels()["statuses_by_type"].items():
        assert t in FACT_TYPES and set(sts) <= set(labels()["statuses"])


def test_labels_switch_language_and_keep_unknown_codes():
    assert label("statuses", "negotiating", "id") == "bernegosiasi"
    assert label("statuses", "negotiating", "en") == "negotiating"
    assert label("statuses", "something_new", "id") == "something_new"
    assert label("types", "PARTNERSHIP", "xx") == "Kemitraan"     # an unknown language falls back to Indonesian


def test_fact_lines_carry_values_owners_locations_and_capacities():
    inv = {"type": "INVESTMENT", "args": {"investor": "Toyota", "target": "Indonesia",
                                          "amount": {"value": 27e12, "currency": "IDR", "approx": False}}}
    assert fact_label(inv, "id") == "Toyota — IDR 27 triliun — Indonesia"
    assert fact_label(inv, "en") == "Toyota — IDR 27 trillion — Indonesia"
    assert amount_text({"value": 1.5e9, "currency": "USD", "approx": True}, "en") == "~USD 1.5 billion"
    assert amount_text({"value": 1.5e9, "currency": "USD"}, "id") == "USD 1,5 miliar"
    fac = {"type": "FACILITY", "args": {"kind": "battery_plant", "owners": ["HLI Green Power"], "operators": [],
                                        "location": ["Karawang", "West Java"], "area": {"value": 40, "unit": "ha"},
                                        "capacity": {"value": 10, "unit": "GWh"}}}
    assert fact_label(fac, "en") == "battery plant, owner HLI Green Power, in Karawang, West Java, 40 ha, capacity 10 GWh"
    infra = {"type": "INFRASTRUCTURE", "args": {"kind": "battery_swap", "count": {"value": 500}, "location": "Jabodetabek",
                                                "horizon": {"years": 2, "by": "2026"}, "owner": "PLN"}}
    assert fact_label(infra, "id") == "500 stasiun penukaran baterai di Jabodetabek (2026), pemilik PLN"
    assert fact_label({"type": "PARTNERSHIP", "args": {"parties": ["A", "B"], "purpose": None}}) == "A + B"


def test_sectors_from_the_words_about_a_deal():
    assert sector_of("membangun pabrik sel baterai di Karawang") == "battery"
    assert sector_of("penyediaan SPKLU di Jakarta") == "charging"
    assert sector_of("memperluas produksi mobil hybrid") == "automotive"
    assert sector_of("sesuatu yang lain") == "other"
