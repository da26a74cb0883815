# Everything a developer or CI needs: `make serve`, `make test`, `make build`.
# Set-up steps are idempotent: each runs again only when its inputs change.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MERMAID_JS := docs/assets/vendor/mermaid.min.js
SITE_DIR ?= site

export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup chromium java serve build dist test check lint import schema benchmark clean lock

setup: $(VENV)/.installed $(MERMAID_JS) chromium java

$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	# The project itself is not a distribution: put its folder on the venv's path (what `pip install -e` does).
	$(BIN)/python -c "import sysconfig; print('$(CURDIR)')" > "$$($(BIN)/python -c "import sysconfig; print(sysconfig.get_paths()['purelib'])")/kinerja-cascade.pth"
	touch $@

# Puppeteer (pa11y's browser driver) would download a Chrome of its own on install; the tests use Debian's chromium.
node_modules/.installed: package.json package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(MERMAID_JS): node_modules/.installed
	mkdir -p $(dir $@)
	cp node_modules/mermaid/dist/mermaid.min.js $@

# Debian's chromium renders the diagrams at build time and runs the browser tests.
chromium:
	@scripts/ensure-debian.sh "$${CHROMIUM:-/usr/bin/chromium}" "install Chromium and set CHROMIUM=<path>" \
		chromium fonts-noto-core

# Debian's headless Java runs the W3C Nu HTML checker of the tests (npm vnu-jar).
java:
	@scripts/ensure-debian.sh java "install a Java runtime (11 or later)" default-jre-headless

serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: setup
	$(BIN)/python -m macros.build $(SITE_DIR)

# A dated zip of the built site for copying to an intranet web server: dist/cascading-kinerja-<YYYY-MM-DD>.zip
dist: build
	$(BIN)/python scripts/make_dist.py $(SITE_DIR) --out dist

check: setup
	$(BIN)/python -m macros.check

# Regenerate schema/cascade.schema.json (editor autocompletion for the data files) after a model change.
schema: $(VENV)/.installed
	$(BIN)/python -m macros.schema

# Data-quality warnings as file:line field: message; `make lint STRICT=1` fails when there are any.
lint: setup
	STRICT=$(STRICT) $(BIN)/python -m macros.check lint

# A spreadsheet → cascade_data/<perangkat-daerah>/<tahun or period>.yaml: `make import FILE=renstra.xlsx
# PERANGKAT_DAERAH="Dinas ..." TAHUN=2024` (the site's own XLSX download needs neither); FORCE=1 replaces a file.
import: $(VENV)/.installed
	@test -n "$(FILE)" || { echo 'Pakai: make import FILE=<berkas.xlsx atau .csv> [PERANGKAT_DAERAH="..." TAHUN=...] [FORCE=1]' >&2; exit 1; }
	$(BIN)/python -m macros.import_spreadsheet "$(FILE)" --perangkat-daerah "$(PERANGKAT_DAERAH)" --tahun "$(TAHUN)" $(if $(filter-out 0,$(FORCE)),--force)

# Two workers (pytest-xdist), each test file whole on one of them: the build machines have 2 cores, and a file's
# browser and built site are set up once.
test: setup
	$(BIN)/python -m pytest --numprocesses 2 --dist loadfile

# Lighthouse (mobile) on a program page served with gzip, beside a stock Material + mermaid2 build of it.
benchmark: setup
	$(BIN)/python scripts/benchmark_pages.py

lock:
	rm -rf /tmp/lock-venv && $(PYTHON) -m venv /tmp/lock-venv
	/tmp/lock-venv/bin/pip install --quiet -r requirements.in
	/tmp/lock-venv/bin/pip freeze > requirements.txt

clean:
	rm -rf $(SITE_DIR) $(or $(CASCADE_CACHE),.cache)
