"""The real-article yardstick (tests/realset/): gold files that hold names, labels and
offsets but none of the articles' text, a cache of the texts outside the repository,
fixed splits by a hash of the url, and the loader that joins the two for scoring."""
