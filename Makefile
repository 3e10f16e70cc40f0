# The Social Brain: `make book` builds the book, `make test` runs every test.
# Each target installs what it needs, so both work on a fresh clone.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
# Debian packages the tests need: a real browser and the grading sandbox.
APT_PACKAGES := chromium chromium-driver bubblewrap
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: book book-all serve test lab system-deps clean help

help:
	@echo "make book    build the book into _build/html (runs every notebook; warnings are errors)"
	@echo "make serve   serve _build/html on http://127.0.0.1:$(PORT)"
	@echo "make test    install what the tests need and run them all"
	@echo "make lab     open the practice notebooks in JupyterLab on 127.0.0.1"

$(BIN)/.installed: pyproject.toml
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

book: $(BIN)/.installed node_modules/.installed
	$(BIN)/jupyter-book build . --warningiserror --nitpick --keep-going

# After editing only a static file (CSS/JS), Sphinx sees nothing to rebuild: force it.
book-all: $(BIN)/.installed node_modules/.installed
	$(BIN)/jupyter-book build . --all --warningiserror --nitpick --keep-going

serve:
	@[ -f _build/html/index.html ] || { echo "No book built yet: run 'make book' first."; exit 1; }
	@echo "Serving the book on http://127.0.0.1:$(PORT)/  (Ctrl-C to stop)"
	@$(PYTHON) -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

system-deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

test: system-deps book
	$(BIN)/python -m pytest

lab: $(BIN)/.installed
	$(BIN)/jupyter lab --ip=127.0.0.1 --no-browser --notebook-dir=.

clean:
	rm -rf _build
