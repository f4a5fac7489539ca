# Two commands for a new user: `make run` and `make test`. Everything else is set up on the way.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format bench clean setup sysdeps

# System tools the DOCX/PDF tests use: LibreOffice (DOCX → PDF), CJK fonts, poppler, qpdf; and the
# PostgreSQL client tools `gongkai backup`/`restore` run (pg_dump, pg_restore, psql).
SYSTOOLS := soffice pdftoppm pdftotext qpdf pg_dump pg_restore psql
SYSPKGS := libreoffice-writer-nogui fonts-noto-cjk poppler-utils qpdf postgresql-client

setup: $(STAMP)

sysdeps:
	@missing=""; for t in $(SYSTOOLS); do command -v $$t >/dev/null 2>&1 || missing="$$missing $$t"; done; \
	if [ -n "$$missing" ]; then \
	  echo "安装系统工具:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $(SYSPKGS); \
	fi

$(STAMP): pyproject.toml
	@command -v $(PY) >/dev/null 2>&1 || { echo "需要 Python 3.11 ($(PY))"; exit 1; }
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The main job: parse and check the sample reports the project ships (and ../shared when present).
run: $(STAMP)
	$(BIN)/gongkai demo

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

format: $(STAMP)
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks

test: sysdeps lint
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/parse.py
	$(BIN)/python benchmarks/render.py
	$(BIN)/python benchmarks/register.py --requests 100000
	$(BIN)/python benchmarks/backup.py --requests 100000

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .ruff_cache
