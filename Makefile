# Manuel « Animer dans la durée une communauté apprenante » — points d'entrée.
# Usage : make serve | make test | make build | make clean

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installe
STAMP_TEST := $(VENV)/.installe-tests
export NO_MKDOCS_2_WARNING := 1

.PHONY: help install install-test serve build edition-participante edition-formation pdf apercu test test-rapide bench fonts clean documents-session \
	serve-formation nouvelle-fiche nouvelle-sequence nouveau-cas nouveau-modele nouveau-chapitre nouveau-terme \
	nouveau-support nouvelle-rencontre

help:
	@echo "make serve   installe puis sert le site sur http://127.0.0.1:8000"
	@echo "make test    installe puis lance toute la suite de tests"
	@echo "make build   construit les deux éditions avec PDF, modèles DOCX et zip (site/, site-formateur/)"
	@echo "make apercu  construit l'édition participante seule, sans exports (rapide)"
	@echo "make serve-formation  sert l'édition de formation (notes d'animation) sur http://127.0.0.1:8001"
	@echo "make bench   mesure les temps de construction et la taille des fichiers produits"
	@echo "make documents-session LISTE=participants.csv [SESSION=AAAA-MM-JJ] [SORTIE=dossier]"
	@echo "             feuilles d'émargement et attestations en PDF (sans LISTE : versions vierges)"
	@echo "make clean   supprime site/ et l'environnement .venv/"

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m compileall -q handbook
	@touch $@

$(STAMP_TEST): $(STAMP) requirements-test.txt
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	@touch $@

install: $(STAMP)

VNU_JAR := .outils/vnu/node_modules/vnu-jar/build/dist/vnu.jar
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

install-test: $(STAMP_TEST) fonts $(VNU_JAR)
	@test -x /usr/bin/chromium && command -v hunspell >/dev/null 2>&1 && test -f /usr/share/hunspell/fr_FR.dic \
	  && command -v java >/dev/null 2>&1 || { \
	  echo "Outils de test absents : installation des paquets Debian (Chromium, Hunspell fr, Java)…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium hunspell hunspell-fr default-jre-headless; }

# Nu HTML Checker (npm vnu-jar), installé à part du dépôt
$(VNU_JAR):
	npm install --silent --no-save --no-audit --no-fund --prefix .outils/vnu vnu-jar@26.9.27

serve: install
	$(BIN)/mkdocs serve --no-strict --dev-addr 127.0.0.1:8000

serve-formation: install
	$(BIN)/mkdocs serve --no-strict -f mkdocs-formateur.yml --dev-addr 127.0.0.1:8001

# Nouvelles pages : make nouvelle-fiche NOM=marche-exploratoire (idem nouvelle-sequence JOUR=1, nouveau-cas,
# nouveau-modele, nouveau-chapitre, nouveau-terme, nouveau-support, nouvelle-rencontre). Le squelette dit quoi écrire ; la construction, ce qui manque.
define scaffold
	@test -n "$(NOM)" || { echo "Indiquez le nom du fichier : make $@ NOM=mon-nom (minuscules et tirets)"; exit 2; }
	$(BIN)/python -m handbook.authoring.scaffold $(1) $(NOM) $(2)
endef

nouvelle-fiche: install
	$(call scaffold,fiche)
nouvelle-sequence: install
	$(call scaffold,sequence,--jour $(JOUR))
nouveau-cas: install
	$(call scaffold,cas)
nouveau-modele: install
	$(call scaffold,modele)
nouveau-chapitre: install
	$(call scaffold,chapitre)
nouveau-terme: install
	$(call scaffold,terme)
nouveau-support: install
	$(call scaffold,support)
nouvelle-rencontre: install
	$(call scaffold,rencontre)

# Les deux éditions se construisent en même temps (une par cœur) et partagent le cache des PDF (.cache/pdf) :
# chaque PDF commun n'est rendu qu'une fois.
build: install fonts
	@$(MAKE) --no-print-directory -j2 --output-sync=target edition-participante edition-formation

edition-participante:
	MANUEL_EXPORTS=true $(BIN)/mkdocs build --clean

edition-formation:
	MANUEL_EXPORTS=true $(BIN)/mkdocs build --clean -f mkdocs-formateur.yml

pdf: build

apercu: install
	$(BIN)/mkdocs build --clean

bench: install-test fonts
	@test -x .outils/lighthouse/node_modules/.bin/lighthouse || npm install --silent --no-save --no-audit --no-fund --prefix .outils/lighthouse lighthouse@13.5.0
	@command -v valgrind >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq valgrind; }
	$(BIN)/python scripts/bench.py

# Polices des PDF (paquets Debian, déjà présents avec Chromium sur la plupart des machines)
fonts:
	@fc-list 2>/dev/null | grep -q "Liberation Serif" || { \
	  echo "Polices Liberation absentes : installation des paquets Debian (apt-get)…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq fonts-liberation fonts-dejavu-core; }

# Documents d'une session, hors du site : feuilles d'émargement par demi-journée et attestations de fin de
# formation. LISTE : CSV (prenom, nom, structure), jamais dans le dépôt ; SESSION : premier jour d'une session de
# data/sessions.yml (par défaut la prochaine) ; SORTIE : dossier (par défaut documents-session/, ignoré par git).
documents-session: install fonts
	@$(BIN)/python -m handbook.session $(if $(LISTE),--liste "$(LISTE)") $(if $(SESSION),--session "$(SESSION)") \
	  --sortie "$(or $(SORTIE),documents-session)"

test: install-test
	$(BIN)/python -m pytest

test-rapide: install-test
	$(BIN)/python -m pytest -m "not browser"

clean:
	rm -rf site site-formateur $(VENV) .outils .cache
