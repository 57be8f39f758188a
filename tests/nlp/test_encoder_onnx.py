"""The transformer NER through ONNX Runtime: the exported graphs tag as the PyTorch
module does, they are built once into the cache (outside the package), and without
onnxruntime the PyTorch path runs with a message saying why."""
from __future__ import annotations

import sys

import pytest

SENTENCES = [
    "Presiden Joko Widodo meresmikan pabrik baterai milik PT Hyundai LG Indonesia Green Power di Karawang , Jawa Barat .",
    "Menteri Keuangan Sri Mulyani Indrawati mengatakan Bank Indonesia akan menahan suku bunga acuan .",
    "PT Pertamina ( Persero ) membangun kilang baru di Tuban , Jawa Timur , bersama Rosneft .",
    "Gubernur DKI Jakarta Anies Baswedan meninjau proyek MRT di Lebak Bulus pada Senin .",
    "Saham PT Bank Central Asia Tbk naik 2 persen di Bursa Efek Indonesia , kata analis Mirae Asset .",
    "Budi Santoso dari Universitas Gadjah Mada di Yogyakarta meneliti nikel di Morowali , Sulawesi Tengah .",
]


def _missing() -> str | None:
    try:
        import onnx  # noqa: F401
        import onnxruntime  # noqa: F401
        import torch  # noqa: F401

        from warta.nlp.encoder.weights import weights_path
        from warta.nlp.pipeline import encoder_path
        weights_path()
        if not (encoder_path("id") / "adapter.npz").exists():
            return "no packaged encoder model (make model)"
    except Exception as exc:   # noqa: BLE001
        return f"the encoder's dependencies are missing ({exc}); pip install -e '.[encoder]'"
    return None


need_onnx = pytest.mark.skipif(_missing() is not None, reason=str(_missing()))


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    """A fresh cache for this module: the first use exports into it."""
    mp = pytest.MonkeyPatch()
    path = tmp_path_factory.mktemp("warta-cache")
    mp.setenv("WARTA_CACHE", str(path))
    from warta.nlp.encoder.runtime import runner
    runner.cache_clear()
    yield path
    runner.cache_clear()
    mp.undo()


@need_onnx
def test_the_onnx_encoder_tags_as_the_torch_one(cache):
    from warta.nlp.encoder.component import tag_words
    from warta.nlp.encoder.runtime import OnnxTagger, runner
    from warta.nlp.pipeline import encoder_path
    model = str(encoder_path("id"))
    sents = [s.split() for s in SENTENCES]
    torch_tags = tag_words(runner(model, "torch"), sents)
    assert any(t != "O" for tags in torch_tags for t in tags)
    words = sum(len(s) for s in sents)
    # int8 moves a few borderline words (98.8 % of NERGrit valid's words agree; test F1 77.7 vs 78.1)
    for kind, least in (("fp32", 1.0), ("int8", 0.95)):
        run = runner(model, kind)
        assert isinstance(run, OnnxTagger) and run.kind == kind
        tags = tag_words(run, sents)
        agree = sum(a == b for x, y in zip(torch_tags, tags) for a, b in zip(x, y))
        assert agree / words >= least, (kind, agree, words)
    # the exported files are in the cache, not in the package; int8 is the small one
    files = {p.name: p.stat().st_size for p in cache.iterdir()}
    fp32 = next(n for n in files if n.endswith("-fp32.onnx"))
    int8 = next(n for n in files if n.endswith("-int8.onnx"))
    assert files[int8] < files[fp32] / 3


@need_onnx
def test_the_pipeline_runs_int8_by_default_and_finds_names(cache, monkeypatch):
    from warta.nlp.encoder.runtime import OnnxTagger, runner
    from warta.nlp.pipeline import encoder_path, load_model
    monkeypatch.delenv("WARTA_ENCODER_RUNTIME", raising=False)
    nlp = load_model("id", kind="encoder")
    doc = nlp(SENTENCES[0].replace(" ,", ",").replace(" .", "."))
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Joko Widodo", "PERSON") in ents and ("Karawang", "PLACE") in ents
    run = runner(str(encoder_path("id")))
    assert isinstance(run, OnnxTagger) and run.kind == "int8"


@need_onnx
def test_without_onnxruntime_the_torch_path_runs_and_says_why(cache, monkeypatch, capsys):
    from warta.nlp.encoder.component import TorchTagger, tag_words
    from warta.nlp.encoder.runtime import runner
    from warta.nlp.pipeline import encoder_path
    monkeypatch.setitem(sys.modules, "onnxruntime", None)      # import onnxruntime now fails
    runner.cache_clear()
    try:
        run = runner(str(encoder_path("id")), "int8")
        assert isinstance(run, TorchTagger)
        assert "onnxruntime is not installed" in capsys.readouterr().err
        tags = tag_words(run, [SENTENCES[3].split()])[0]
        assert "B-PERSON" in tags
    finally:
        runner.cache_clear()


def test_an_unknown_runtime_is_refused(monkeypatch):
    from warta.nlp.encoder.runtime import runtime_choice
    monkeypatch.setenv("WARTA_ENCODER_RUNTIME", "tensorrt")
    with pytest.raises(ValueError, match="WARTA_ENCODER_RUNTIME"):
        runtime_choice()


@need_onnx
def test_the_cached_files_are_named_by_the_adapter_they_hold(tmp_path, monkeypatch):
    import shutil

    import numpy as np

    from warta.nlp.encoder.runtime import onnx_paths
    from warta.nlp.pipeline import encoder_path
    monkeypatch.setenv("WARTA_CACHE", str(tmp_path / "c"))
    copy = tmp_path / "ner-id-encoder"
    shutil.copytree(encoder_path("id"), copy)
    before = onnx_paths(copy)
    assert before == onnx_paths(encoder_path("id"))              # same adapter, same files
    with np.load(copy / "adapter.npz") as z:
        arrays = {k: z[k] for k in z.files}
    arrays["head.bias"] = arrays["head.bias"] + 1.0
    np.savez(copy / "adapter.npz", **arrays)
    assert onnx_paths(copy)["int8"] != before["int8"]          # a retrained adapter is exported anew
    assert all(str(p).startswith(str(tmp_path / "c")) for p in before.values())


def test_windows_are_batched_by_length_with_little_padding():
    from warta.nlp.encoder.component import by_length
    lengths = [250, 12, 14, 240, 13, 60, 58, 11, 255]
    groups = by_length(lengths, batch=4)
    assert sorted(i for g in groups for i in g) == list(range(len(lengths)))
    for g in groups:
        ls = [lengths[i] for i in g]
        assert len(g) <= 4 and max(ls) <= 1.2 * min(ls) + 8
    padded = sum(max(lengths[i] for i in g) * len(g) for g in groups)
    assert padded <= 1.1 * sum(lengths)
