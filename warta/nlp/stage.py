"""Stage "nlp": sentences, entity mentions (rules + model) and typed values."""
from __future__ import annotations

from warta.model import MentionSpan, WorkDoc
from warta.nlp.cleanup import clean_mentions
from warta.nlp.lone import retype_lone_names
from warta.nlp.people import join_split_names, split_title_inside, titled_people
from warta.nlp.pipeline import get_nlp
from warta.nlp.products import product_mentions
from warta.nlp.sentences import paragraphs, split_sentences
from warta.nlp.values import find_values
from warta.stage import Stage, stage

LABELS = {"ORG": "ORG", "PERSON": "PERSON", "PLACE": "PLACE", "PRODUCT": "PRODUCT",
          "PER": "PERSON", "LOC": "PLACE", "GPE": "PLACE"}


def mentions(body: str, lang: str = "id") -> tuple[list[MentionSpan], list]:
    return mentions_many([(body, lang)])[0]


def mentions_many(texts: list[tuple[str, str]]) -> list[tuple[list[MentionSpan], list]]:
    """(mentions, spaCy docs of its paragraphs) for each (body, language): the
    paragraphs of all bodies of a language go through the network in one pass."""
    pars = [paragraphs(body) for body, _ in texts]
    docs: list[list] = [[] for _ in texts]
    for lang in dict.fromkeys(lang for _, lang in texts):
        idx = [i for i, (_, la) in enumerate(texts) if la == lang]
        flat = list(get_nlp(lang).pipe([p for i in idx for _, p in pars[i]]))
        for i in idx:
            docs[i], flat = flat[:len(pars[i])], flat[len(pars[i]):]
    return [(_mentions_of(pars[i], docs[i]), docs[i]) for i in range(len(texts))]


def _mentions_of(pars: list[tuple[int, str]], docs: list) -> list[MentionSpan]:
    out: list[MentionSpan] = []
    for (off, _), doc in zip(pars, docs):
        for ent in doc.ents:
            label = LABELS.get(ent.label_)
            if label is None:
                continue
            if not ent.ent_id_ and not any(ch.isupper() or ch.isdigit() for ch in ent.text):
                continue   # the model's all-lower-case "names" are noise in edited news
            out.append(MentionSpan(off + ent.start_char, off + ent.end_char, ent.text, label,
                                   source="rule" if ent.ent_id_ else "model", entity_id=ent.ent_id_ or None))
    for off, par in pars:
        for m in product_mentions(par, off):
            # a model-coded name ("Aito M9") is a product, whatever the statistical model guessed
            clash = [o for o in out if not (m.end <= o.start or m.start >= o.end)]
            if all(o.source == "model" for o in clash):
                out = [o for o in out if o not in clash] + [m]
    return sorted(out, key=lambda m: m.start)


def _language(wd: WorkDoc) -> str:
    lang = wd.doc.language or "id"
    return lang if lang in ("id", "en") else "id"   # other languages: the Indonesian pipeline


def _finish(wd: WorkDoc, found: tuple[list[MentionSpan], object]) -> WorkDoc:
    body, lang = wd.doc.body, _language(wd)
    wd.sentences = split_sentences(body)
    wd.mentions, wd.spacy_doc = found
    wd.values = find_values(body, wd.reference_date, lang)
    # a "name" inside an amount ("US$" or "US" of "US$1,2 miliar") is the amount's sign
    amounts = [(v.start, v.end) for v in wd.values if v.kind in ("MONEY", "QUANTITY", "PERCENT")]
    wd.mentions = [m for m in wd.mentions if not any(a <= m.start and m.end <= b for a, b in amounts)]
    wd.mentions = clean_mentions(body, wd.mentions, lang)
    wd.mentions = titled_people(body, [p for m in wd.mentions for p in split_title_inside(m, body)])
    wd.mentions = join_split_names(body, retype_lone_names(body, wd.mentions))
    return wd


def nlp_stage(wd: WorkDoc) -> WorkDoc:
    return _finish(wd, mentions(wd.doc.body, _language(wd)))


def nlp_batch(wds: list[WorkDoc]) -> list[WorkDoc]:
    found = mentions_many([(wd.doc.body, _language(wd)) for wd in wds])
    return [_finish(wd, f) for wd, f in zip(wds, found)]


@stage("nlp", requires=("doc.body", "doc.language", "doc.metadata"),
       assigns=("sentences", "mentions", "values", "spacy_doc"))
class Nlp(Stage):
    """The paragraphs of a batch's documents go through the network in one pass: much
    faster for short pages than one document at a time."""
    def __call__(self, wd: WorkDoc) -> WorkDoc:
        return nlp_stage(wd)

    def batch(self, wds: list[WorkDoc]) -> list[WorkDoc]:
        return nlp_batch(wds)

    def warm_up(self) -> None:
        get_nlp("id"), get_nlp("en")
