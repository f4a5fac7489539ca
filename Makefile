# Two commands for a new user: `make run` and `make test`. Everything else is set up on the way.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: samples run test lint format bench clean setup sysdeps assets

# System tools the tests use: LibreOffice (DOCX → PDF), CJK fonts, poppler, qpdf; chromium for the
# browser tests (Playwright drives /usr/bin/chromium and downloads no browser); npm for the web assets;
# the PostgreSQL client tools `gongkai backup`/`restore` run (pg_dump, pg_restore, psql); hey, the load
# generator of the web benchmarks.
# Each tool with the Debian package that provides it: only the packages of missing tools are installed
# (a machine whose Node.js comes from elsewhere has npm but would refuse Debian's npm package); the CJK
# fonts are checked through fontconfig.
SYSTOOLS := soffice:libreoffice-writer-nogui pdftoppm:poppler-utils pdftotext:poppler-utils qpdf:qpdf \
  chromium:chromium npm:npm pg_dump:postgresql-client pg_restore:postgresql-client psql:postgresql-client \
  hey:hey
VENDOR := src/gongkai/web/static/vendor
ASSETS := $(VENDOR)/.installed

setup: $(STAMP)

sysdeps:
	@missing=""; pkgs=""; for tp in $(SYSTOOLS); do t=$${tp%%:*}; p=$${tp#*:}; \
	  command -v $$t >/dev/null 2>&1 || { missing="$$missing $$t"; pkgs="$$pkgs $$p"; }; done; \
	fc-list :lang=zh 2>/dev/null | grep -q . || pkgs="$$pkgs fonts-noto-cjk"; \
	if [ -n "$$pkgs" ]; then \
	  echo "安装系统工具:$$missing（$$pkgs ）"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$(echo $$pkgs | tr ' ' '\n' | sort -u); \
	fi

$(STAMP): pyproject.toml
	@command -v $(PY) >/dev/null 2>&1 || { echo "需要 Python 3.11 ($(PY))"; exit 1; }
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The front-end libraries, pinned in package-lock.json, copied with their licences (no CDN).
assets: $(ASSETS)

$(ASSETS): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "需要 npm（make sysdeps 安装）"; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	rm -rf $(VENDOR) && mkdir -p $(VENDOR)/htmx $(VENDOR)/echarts
	cp node_modules/htmx.org/dist/htmx.min.js node_modules/htmx.org/LICENSE $(VENDOR)/htmx/
	cp node_modules/echarts/dist/echarts.min.js node_modules/echarts/LICENSE node_modules/echarts/NOTICE $(VENDOR)/echarts/
	cp node_modules/zrender/LICENSE $(VENDOR)/echarts/LICENSE.zrender
	touch $(ASSETS)

# The main job: the web application on a demo database (a county, its bodies, a year and a half of
# requests), at http://127.0.0.1:8000, with the demo accounts printed.
run: $(STAMP) $(ASSETS)
	$(BIN)/gongkai serve --demo

# Parse and check the sample reports the project ships (and ../shared when present).
samples: $(STAMP)
	$(BIN)/gongkai demo

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

format: $(STAMP)
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks

test: sysdeps lint $(ASSETS)
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/parse.py
	$(BIN)/python benchmarks/render.py
	$(BIN)/python benchmarks/register.py --requests 100000
	$(BIN)/python benchmarks/backup.py --requests 100000

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .ruff_cache node_modules $(VENDOR)
