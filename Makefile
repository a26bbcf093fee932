# Base de connaissances juridique des CAE : les commandes du projet.
# Les deux commandes du README : `make serve` (site local) et `make test` (toute la suite).
# Chaque cible installe d'abord ce qui manque (environnement virtuel .venv, paquets Debian).

SHELL := /bin/bash
.DEFAULT_GOAL := aide

VENV ?= .venv
PY := $(VENV)/bin/python
# Second moteur, ProperDocs (suite maintenue de MkDocs 1.x), dans son propre environnement :
# `make build MOTEUR=properdocs` construit le même site avec lui (tests/build/test_properdocs.py).
VENV_PROPERDOCS ?= .venv-properdocs
MOTEUR ?= mkdocs
ifeq ($(MOTEUR),properdocs)
MKDOCS := $(VENV_PROPERDOCS)/bin/properdocs
MKDOCS_OPTIONS := -f mkdocs.yml
else
MKDOCS := $(VENV)/bin/mkdocs
MKDOCS_OPTIONS :=
endif
# Material 9.7+ affiche un long avertissement sur MkDocs 2.0 à chaque build : inutile ici.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: aide serve test build systeme installer requirements bench propre registre-legi

aide: ## Affiche cette aide
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(VENV)/.installe: requirements.txt requirements-test.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes \
		-r requirements.txt -r requirements-test.txt
	touch $@

$(VENV_PROPERDOCS)/.installe: requirements-properdocs.txt
	python3 -m venv $(VENV_PROPERDOCS)
	$(VENV_PROPERDOCS)/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes \
		-r requirements-properdocs.txt
	touch $@

installer: $(VENV)/.installe $(VENV_PROPERDOCS)/.installe ## Installe les dépendances Python dans .venv (et ProperDocs dans .venv-properdocs)

systeme: ## Installe les outils Debian des tests (Chromium…) ou dit comment faire
	@bash scripts/installer-systeme.sh

serve: installer ## Construit le site et le sert sur http://127.0.0.1:8000 avec rechargement
	$(MKDOCS) serve --livereload $(MKDOCS_OPTIONS)

build: installer ## Construit le site dans site/ (mode strict)
	$(MKDOCS) build --strict $(MKDOCS_OPTIONS)

test: installer systeme ## Lance toute la suite de tests (build strict, HTML, navigateur)
	$(PY) -m pytest

bench: installer systeme ## Mesure les performances : rapports/performance.md et rapports/recherche.md
	$(PY) scripts/bench.py
	$(PY) scripts/bench_recherche.py

registre-legi: installer ## Compare le registre à la base LEGI (code du travail, sécurité sociale) ; ECRIRE=1 complète et écrit data/textes-officiels
	$(PY) scripts/registre_legi.py $(if $(ECRIRE),--ecrire)

requirements: ## Régénère requirements*.txt (avec empreintes) depuis requirements*.in
	$(PY) -m pip install --quiet pip-tools
	$(VENV)/bin/pip-compile -q --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url -o requirements.txt requirements.in
	$(VENV)/bin/pip-compile -q --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url -o requirements-test.txt requirements-test.in
	$(VENV)/bin/pip-compile -q --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url -o requirements-properdocs.txt requirements-properdocs.in

propre: ## Supprime le site construit et les résultats de tests
	rm -rf site test-results .pytest_cache
