# Sanctuary Tracker. `make run` sets up everything and serves the record; `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The suite runs with DEBUG off, like production; this key only signs test sessions.
TEST_ENV := SECRET_KEY=test-only-not-a-secret

.PHONY: install run setup test check bench clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

# The analyser's hot modules compiled with mypyc (feeds/analysis/native.py). Without a C compiler the build
# fails, make goes on, and the analyser runs as Python.
ANALYSIS_BUILD := build/analysis/SOURCES
$(ANALYSIS_BUILD): $(VENV)/.installed $(wildcard feeds/analysis/*.py)
	-$(BIN)/python -c 'from feeds.analysis import native; native.build()'

install: $(VENV)/.installed $(ANALYSIS_BUILD)

# Migrate, load the gazetteer and the sourced record (record/), create a local admin: all idempotent.
setup: install
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py load_jurisdictions
	DEBUG=1 $(BIN)/python manage.py load_record
	DEBUG=1 $(BIN)/python manage.py create_local_admin

run: setup
	@echo "Serving on http://127.0.0.1:8000/ (SQLite, tasks run in-process). Ctrl-C stops."
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:8000

test: install
	$(TEST_ENV) $(BIN)/pytest $(PYTEST_ARGS)

check: install
	$(TEST_ENV) $(BIN)/python manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) build staticfiles .pytest_cache test-artifacts

# Benchmarks against PostgreSQL (BENCH_DATABASE_URL); figures are medians, reported as ratios.
bench: install
	$(BIN)/python -m bench $(BENCH_ARGS)
