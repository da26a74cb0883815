# Everything a developer or CI needs: `make serve`, `make test`, `make build`.
# Set-up steps are idempotent: each runs again only when its inputs change.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MERMAID_JS := docs/assets/vendor/mermaid.min.js
SITE_DIR ?= site

export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup chromium serve build test check clean lock

setup: $(VENV)/.installed $(MERMAID_JS) chromium

$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	# The project itself is not a distribution: put its folder on the venv's path (what `pip install -e` does).
	$(BIN)/python -c "import sysconfig; print('$(CURDIR)')" > "$$($(BIN)/python -c "import sysconfig; print(sysconfig.get_paths()['purelib'])")/kinerja-cascade.pth"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(MERMAID_JS): node_modules/.installed
	mkdir -p $(dir $@)
	cp node_modules/mermaid/dist/mermaid.min.js $@

# Debian's chromium renders the diagrams at build time and runs the browser tests.
chromium:
	@scripts/ensure-chromium.sh

serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: setup
	$(BIN)/python -m macros.build $(SITE_DIR)

check: setup
	$(BIN)/python -m macros.check

test: setup
	$(BIN)/python -m pytest

lock:
	rm -rf /tmp/lock-venv && $(PYTHON) -m venv /tmp/lock-venv
	/tmp/lock-venv/bin/pip install --quiet -r requirements.in
	/tmp/lock-venv/bin/pip freeze > requirements.txt

clean:
	rm -rf $(SITE_DIR) .cache
