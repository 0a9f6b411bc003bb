# Manuel « Animer dans la durée une communauté apprenante » — points d'entrée.
# Usage : make serve | make test | make build | make clean

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installe
STAMP_TEST := $(VENV)/.installe-tests
export NO_MKDOCS_2_WARNING := 1

.PHONY: help install install-test serve build test test-rapide clean

help:
	@echo "make serve   installe puis sert le site sur http://127.0.0.1:8000"
	@echo "make test    installe puis lance toute la suite de tests"
	@echo "make build   construit le site statique dans site/"
	@echo "make clean   supprime site/ et l'environnement .venv/"

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $@

$(STAMP_TEST): $(STAMP) requirements-test.txt
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	@touch $@

install: $(STAMP)

install-test: $(STAMP_TEST)
	@command -v chromium >/dev/null 2>&1 || test -x /usr/bin/chromium || { \
	  echo "Chromium est absent : installation du paquet Debian (apt-get)…"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium; fi; }

serve: install
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: install
	$(BIN)/mkdocs build --clean

test: install-test
	$(BIN)/python -m pytest

test-rapide: install-test
	$(BIN)/python -m pytest -m "not browser"

clean:
	rm -rf site $(VENV)
