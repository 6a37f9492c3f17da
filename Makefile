# The two commands of the README: `make app` and `make test`.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin

.PHONY: app test install system lint

$(BIN)/reqx: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(BIN)/reqx

install: $(BIN)/reqx

system:
	bash scripts/install-system-packages.sh

app: install
	$(BIN)/streamlit run app.py --server.headless true --browser.gatherUsageStats false

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy extractor app.py

test: install system lint
	$(BIN)/pytest
