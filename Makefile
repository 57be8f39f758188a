# Warta: `make run` and `make test` work on a fresh clone.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= warta.db
PORT ?= 8000

.PHONY: run test test-fast lint model bench clean-venv

$(STAMP): pyproject.toml
	@command -v $(PY) >/dev/null 2>&1 || { echo "need $(PY) on PATH"; exit 1; }
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/warta ingest examples --db sqlite:///$(DB) || true
	$(BIN)/warta facts --db sqlite:///$(DB) --limit 40
	$(BIN)/warta partners "Hyundai Motor Company" --db sqlite:///$(DB)
	$(BIN)/warta serve --db sqlite:///$(DB) --host 127.0.0.1 --port $(PORT)

test: $(STAMP) lint
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

# pyflakes, pycodestyle, import order and bugbear ([tool.ruff] in pyproject.toml); the
# contract and the public API type-checked ([tool.mypy])
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

# the suite without the tests marked slow (tests/conftest.py SLOW)
test-fast: $(STAMP) lint
	$(BIN)/python -m pytest -q -m "not slow" $(PYTEST_ARGS)

# about 3 h: pretraining, the Indonesian and English CNN models (one core), the Indonesian and
# English transformer NER (two cores, ~35 + 25 min), then their test scores
model: $(STAMP)
	$(BIN)/warta train ner --lang id --pretrain-epochs 2 --augment 1 --minutes 40
	$(BIN)/warta train ner --lang en --augment 1 --minutes 30
	$(BIN)/warta train ner --lang id --arch encoder --epochs 6 --minutes 45
	$(BIN)/warta train ner --lang en --arch encoder --epochs 4 --minutes 30
	$(BIN)/warta train score --lang id
	$(BIN)/warta train score --lang en
	$(BIN)/warta train score --lang id --arch encoder
	$(BIN)/warta train score --lang en --arch encoder

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean-venv:
	rm -rf $(VENV)
