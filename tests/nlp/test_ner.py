"""The statistical NER layer: the packaged models load offline, score what their
model cards say on the public test splits, and the training recipe's pieces work."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from warta.nlp.pipeline import model_path
from warta.nlp.train import corpora
from warta.nlp.train.evaluate import spans
from warta.nlp.train.rawtext import parse_tagged

# the least each packaged model must score on each public test split (F1), whatever its
# model card says: a retrained model that scores less fails here, not silently in the card
FLOORS = {
    ("cnn", "nergrit:test"): 0.65, ("cnn", "idner:test"): 0.82,
    ("cnn", "uner_ewt:test"): 0.50, ("cnn", "uner_pud:test"): 0.47,
    ("encoder", "nergrit:test"): 0.76, ("encoder", "idner:test"): 0.86,
    ("encoder", "uner_ewt:test"): 0.71, ("encoder", "uner_pud:test"): 0.73,
}
SCORED = [(lang, split) for lang in ("id", "en")
          for split in json.loads((model_path(lang) / "scores.json").read_text())["test"]]


def test_spans_read_iob2_exactly():
    tags = ["B-ORG", "I-ORG", "O", "B-PERSON", "B-PERSON", "I-PLACE", "O"]
    assert spans(tags) == {(0, 2, "ORG"), (3, 4, "PERSON"), (4, 5, "PERSON"), (5, 6, "PLACE")}


def test_corpora_harmonise_labels_and_acronym_tails():
    words = ["Partai", "Maju", "(", "PM", ")", "di", "Bandung"]
    tags = ["B-ORGANISATION", "I-ORGANISATION", "I-ORGANISATION", "I-ORGANISATION", "I-ORGANISATION", "O", "B-LOC"]
    out = corpora._harmonise(words, tags)
    assert out == ["B-ORG", "I-ORG", "O", "O", "O", "O", "B-PLACE"]


def test_tagged_sentences_parse_blank_line_separated_columns():
    text = "Ditjen\tNNP\nPajak\tNNP\nmemastikan\tVB\n\nIa\tPRP\npergi\tVB\n\n\n"
    assert parse_tagged(io.StringIO(text)) == [(["Ditjen", "Pajak", "memastikan"], ["NNP", "NNP", "VB"]),
                                               (["Ia", "pergi"], ["PRP", "VB"])]


def test_training_config_shares_one_layer_and_chooses_on_ner_only():
    from thinc.api import Config

    from warta.nlp.train.ner import config
    cfg = Config().from_str(config("id", seed=3, tagger=True))
    assert cfg["nlp"]["pipeline"] == ["tok2vec", "tagger", "ner"]
    assert cfg["system"]["seed"] == 3
    assert cfg["components"]["ner"]["model"]["tok2vec"]["@architectures"] == "spacy.Tok2VecListener.v1"
    weights = cfg["training"]["score_weights"]
    assert weights["ents_f"] == 1.0 and not any(v for k, v in weights.items() if k != "ents_f")
    assert Config().from_str(config("id", seed=0, tagger=False))["nlp"]["pipeline"] == ["tok2vec", "ner"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_packaged_model_is_small_and_has_no_training_aids(lang):
    import spacy
    path = model_path(lang)
    size = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    assert size < 25 * 1024 * 1024
    assert (path / "MODEL_CARD.md").exists() and (path / "recipe.json").exists()
    nlp = spacy.load(path)
    assert "ner" in nlp.pipe_names and "tagger" not in nlp.pipe_names
    assert {"ORG", "PERSON", "PLACE"} <= set(nlp.get_pipe("ner").labels)


@pytest.mark.parametrize("arch", ["cnn", "encoder"])
@pytest.mark.parametrize("lang,split", SCORED)
def test_ner_eval_reproduces_the_model_card(lang, split, arch, shared_dir):
    """`warta ner-eval` on a public test split gives the figures the model card reports."""
    from typer.testing import CliRunner

    from warta.cli import app
    from warta.nlp.pipeline import encoder_path
    if arch == "encoder":
        try:
            import torch  # noqa: F401

            from warta.nlp.encoder.weights import weights_path
            weights_path()
        except Exception as exc:  # noqa: BLE001
            pytest.skip(f"the encoder's dependencies are missing: {exc}")
    scores = (encoder_path(lang) if arch == "encoder" else model_path(lang)) / "scores.json"
    if arch == "encoder" and not scores.exists():
        pytest.skip("no packaged encoder model")
    card = json.loads(scores.read_text())["test"][split]
    assert card["f1"] >= FLOORS[arch, split], f"the {arch} model card's {split} F1 {card['f1']} is under its floor"
    corpus, part = split.split(":")
    path = Path(shared_dir) / "data" / corpora.CORPORA[corpus][part]
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared beside the repository holds the NER corpora)")
    runtime = ["--runtime", "torch"] if arch == "encoder" else []    # the card's figures are PyTorch's
    res = CliRunner().invoke(app, ["ner-eval", str(path), "--lang", lang, "--format", "json", "--arch", arch, *runtime])
    assert res.exit_code == 0, res.output
    got = json.loads(res.output)
    assert got["overall"]["f1"] == pytest.approx(card["f1"], abs=0.002)
    assert got["overall"]["f1"] >= FLOORS[arch, split]
    if arch == "encoder" and _onnx():
        res = CliRunner().invoke(app, ["ner-eval", str(path), "--lang", lang, "--format", "json", "--arch", arch,
                                       "--runtime", "int8"])
        assert res.exit_code == 0, res.output
        # int8 within a point on NERGrit (issue 20's bound); English EWT loses 1.5 (0.721 vs 0.736, measured
        # 2026-12-04), held to 2 so a worse quantisation still fails
        bound = 0.01 if lang == "id" else 0.02
        assert json.loads(res.output)["overall"]["f1"] == pytest.approx(card["f1"], abs=bound)
    assert got["overall"]["f1_95ci"][0] < got["overall"]["f1"] < got["overall"]["f1_95ci"][1]
    assert set(got["labels"]) == {"ORG", "PERSON", "PLACE"}


def _onnx() -> bool:
    from warta.nlp.encoder.runtime import have_onnxruntime
    return have_onnxruntime()


def test_train_ner_refuses_a_missing_weights_file(tmp_path):
    from typer.testing import CliRunner

    from warta.cli import app
    res = CliRunner().invoke(app, ["train", "ner", "--init-tok2vec", str(tmp_path / "none.bin")])
    assert res.exit_code == 2
    assert "none.bin" in res.output


@pytest.mark.parametrize("corpus, why", [("nerp:test", "not a training split"), ("nergrit:dev", "chooses the model"),
                                         ("nosuch", "not a training split")])
def test_train_ner_refuses_test_splits_and_the_selection_split(corpus, why):
    from typer.testing import CliRunner

    from warta.cli import app
    res = CliRunner().invoke(app, ["train", "ner", "--corpus", corpus])
    assert res.exit_code == 2
    assert why in res.output


def test_mention_replacement_swaps_names_of_the_same_label_and_keeps_context():
    from warta.nlp.train.augment import replaced
    sents = [(["Direktur", "Pertamina", "bertemu", "Budi", "di", "Bandung", "."],
              ["O", "B-ORG", "O", "B-PERSON", "O", "B-PLACE", "O"])]
    pools = {"ORG": [("Bank", "Mandiri")], "PERSON": [("Siti",)], "PLACE": [("Kuala", "Lumpur")]}
    (words, tags), = replaced(sents, pools, copies=1, seed=1)
    assert words == ["Direktur", "Bank", "Mandiri", "bertemu", "Siti", "di", "Kuala", "Lumpur", "."]
    assert spans(tags) == {(1, 3, "ORG"), (4, 5, "PERSON"), (6, 8, "PLACE")}
    assert replaced([(["tanpa", "nama"], ["O", "O"])], pools, copies=2) == []


def test_knowledge_base_names_feed_the_replacement_pool():
    from warta.nlp.train.augment import kb_pool
    pool = kb_pool()
    assert {"ORG", "PLACE"} <= set(pool)
    assert len(pool["ORG"]) > 300 and all(isinstance(n, tuple) and n for n in pool["ORG"])


def test_train_ner_recipe_runs_end_to_end_and_keeps_a_loadable_model(tmp_path, shared_dir):
    """A short run of the real recipe (English: no package download): the child process
    is stopped at the time limit and the best checkpoint is saved with its recipe."""
    import spacy

    from warta.nlp.train.ner import train
    if not (Path(shared_dir) / "data" / corpora.CORPORA["wikigold"]["train"]).exists():
        pytest.skip("../shared/data/ner_en is absent")
    info = train("en", minutes=0.4, augment=1, out=tmp_path / "model", work=tmp_path / "work")
    assert info["augmented_sentences"] > 1000 and info["dev_sentences"] > 300
    nlp = spacy.load(tmp_path / "model")
    assert "ner" in nlp.pipe_names
    assert json.loads((tmp_path / "model" / "recipe.json").read_text())["options"] == {}


def test_teacher_vote_keeps_agreed_spans_and_leaves_disputed_tokens_open():
    from warta.nlp.train.distill import vote
    preds = [{(0, 2, "ORG"), (5, 6, "PLACE")}, {(0, 2, "ORG"), (4, 6, "PLACE")}, {(0, 1, "PERSON"), (8, 9, "PERSON")}]
    agreed, doubtful = vote(preds, need=2)
    assert agreed == [(0, 2, "ORG")]
    assert doubtful == {4, 5, 8}


def test_truecasing_gives_lowercased_names_their_usual_case():
    from warta.nlp.train.truecase import TrueCaser
    ref = [["Kemarin", "warga", "Jakarta", "dan", "KPK", "bertemu", "."],
           ["Pejabat", "KPK", "datang", "ke", "Jakarta", "dan", "Bandung", "."]]
    caser = TrueCaser(ref)
    words = ["warga", "jakarta", "bertemu", "kpk", "dan", "budi", "santoso", ".", "dia", "pulang"]
    tags = ["O", "B-PLACE", "O", "B-ORG", "O", "B-PERSON", "I-PERSON", "O", "O", "O"]
    assert caser.sentence(words, tags) == ["Warga", "Jakarta", "bertemu", "KPK", "dan", "Budi", "Santoso",
                                           ".", "Dia", "pulang"]


def test_lowercased_corpus_is_read_with_its_case_restored_and_labels_mapped(shared_dir):
    if not (shared_dir / "data" / "ner" / "nerp_indonlu").exists():
        pytest.skip("../shared/data/ner/nerp_indonlu is absent")
    sents = corpora.load("nerp", "dev")
    assert len(sents) > 500
    labels = {t[2:] for _, tags in sents for t in tags if t != "O"}
    assert labels == {"ORG", "PERSON", "PLACE"}          # events and food are not Warta's labels
    names = [w for words, tags in sents for w, t in zip(words, tags) if t.startswith("B-")]
    assert sum(n[:1].isupper() for n in names) / len(names) > 0.95
    openers = [words[0] for words, _ in sents if words[0][:1].isalpha()]
    assert sum(w[:1].isupper() for w in openers) / len(openers) > 0.95
