# The Social Brain: `make book` builds the book, `make test` runs every test.
# Each target installs what it needs, so both work on a fresh clone.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
# Debian packages the tests need: a real browser and the grading sandbox.
APT_PACKAGES := chromium chromium-driver bubblewrap
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: book book-all book-nl catalogs serve test lab lab-instructor system-deps clean help release collect grade feedback export roster

help:
	@echo "make book    build the book into _build/html (runs every notebook; warnings are errors)"
	@echo "make serve   serve _build/html on http://127.0.0.1:$(PORT)"
	@echo "make test    install what the tests need and run them all"
	@echo "make catalogs  update the translation catalogs (locales/, socialbrain/locales/) after a text change"
	@echo "make lab     open the practice notebooks in JupyterLab on 127.0.0.1 (your answers stay in my-practice/)"
	@echo "instructors: make lab-instructor | release | roster FILE=class-list.csv | collect A=ps2_measurement [ZIP=download.zip] | grade A=... | feedback A=... | export [OUT=file.csv]"
	@echo "             (the learning platform is c.Platform.name in nbgrader_config.py)"

# nbgrader's fail-safe defaults (socialbrain/grading/failsafe.py) go into the grading
# environment here, not through the package: the wheel that students install from the
# book must not change how nbgrader behaves in their environments.
$(BIN)/.installed: pyproject.toml jupyter-config/nbgrader_config.json
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[cluster,test]'
	install -D -m 644 jupyter-config/nbgrader_config.json $(VENV)/etc/jupyter/nbgrader_config.json
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# The execution cache keys on each notebook's own code. When the package the
# notebooks import changes, their outputs may change too: start afresh.
PACKAGE_FILES := $(shell find socialbrain -type f \( -name '*.py' -o -name '*.js' -o -name '*.css' \) 2>/dev/null)
_build/.package-stamp: $(PACKAGE_FILES) _config.yml
	rm -rf _build/.jupyter_cache _build/.doctrees
	@mkdir -p _build && touch $@

# The Dutch edition (socialbrain/book/editions.py) builds in _build/nl/ and is copied to
# _build/html/nl/. Its execution cache holds Dutch output: a change to the package or to
# the package's own catalog starts it afresh. The pages' catalogs Sphinx tracks itself.
NL_STAMP := _build/nl/.package-stamp
$(NL_STAMP): $(PACKAGE_FILES) _config.yml $(wildcard socialbrain/locales/*/LC_MESSAGES/*.po)
	rm -rf _build/nl/.jupyter_cache _build/nl/.doctrees-html _build/.doctrees-gettext
	@mkdir -p $(dir $@) && touch $@

# The book links to the student versions of the assignments (never the sources).
release/.stamp: $(BIN)/.installed $(wildcard source/*/*.ipynb) nbgrader_config.py
	$(BIN)/python -m socialbrain.grading release --all
	@touch $@

book: $(BIN)/.installed node_modules/.installed _build/.package-stamp $(NL_STAMP) release/.stamp
	$(BIN)/jupyter-book build . --warningiserror --nitpick --keep-going
	$(BIN)/python -m socialbrain.book.editions build nl

# After editing only a static file (CSS/JS), Sphinx sees nothing to rebuild: force it.
book-all: $(BIN)/.installed node_modules/.installed release/.stamp
	$(BIN)/jupyter-book build . --all --warningiserror --nitpick --keep-going
	$(BIN)/python -m socialbrain.book.editions build nl --all

# Only the Dutch edition (into _build/html/nl/).
book-nl: $(BIN)/.installed node_modules/.installed $(NL_STAMP) release/.stamp
	$(BIN)/python -m socialbrain.book.editions build nl

# Extract every message (English pages and the package's strings) and update the .po files.
catalogs: $(BIN)/.installed node_modules/.installed release/.stamp
	$(BIN)/python -m socialbrain.book.editions catalogs

serve: $(BIN)/.installed
	@$(BIN)/python -m socialbrain.serve --port $(PORT)

system-deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

test: system-deps book
	$(BIN)/python -m pytest

# Open MyST markdown files (chapters, sources of the practice notebooks) as notebooks by default.
LAB_OVERRIDES := $(VENV)/share/jupyter/lab/settings/overrides.json
$(LAB_OVERRIDES): $(BIN)/.installed
	@mkdir -p $(dir $@)
	@echo '{"@jupyterlab/docmanager-extension:plugin": {"defaultViewers": {"markdown": "Jupytext Notebook", "myst": "Jupytext Notebook"}}}' > $@

# Students: the practice notebooks in my-practice/ (never tracked), no instructor tools.
# `make lab LANGUAGE=nl` adds the Dutch ones in my-practice/nl/.
lab: $(BIN)/.installed $(LAB_OVERRIDES)
	$(BIN)/python -m socialbrain.lab $(if $(LANGUAGE),--language $(LANGUAGE))

lab-instructor: $(BIN)/.installed $(LAB_OVERRIDES)
	$(BIN)/python -m socialbrain.lab --instructor

clean:
	rm -rf _build

# Instructor shortcuts (see the instructor guide); A names the assignment.
GRADING := $(BIN)/python -m socialbrain.grading

release: $(BIN)/.installed
	$(GRADING) release $(if $(A),$(A),--all)

collect: $(BIN)/.installed
	@[ -n "$(A)" ] || { echo "Say which assignment: make collect A=ps2_measurement [ZIP=download.zip]"; exit 2; }
	$(GRADING) collect $(if $(ZIP),--zip $(ZIP)) $(if $(PLATFORM),--platform $(PLATFORM)) $(A)

grade: $(BIN)/.installed system-deps
	@[ -n "$(A)" ] || { echo "Say which assignment: make grade A=ps2_measurement"; exit 2; }
	$(GRADING) grade $(A)

feedback: $(BIN)/.installed
	$(GRADING) feedback $(A)

export: $(BIN)/.installed
	$(GRADING) export $(if $(OUT),--out $(OUT)) $(if $(PLATFORM),--platform $(PLATFORM))

roster: $(BIN)/.installed
	@[ -n "$(FILE)" ] || { echo "Say which class list: make roster FILE=class-list.csv"; exit 2; }
	$(GRADING) roster $(FILE)
