# County budget warehouse: set-up, run, test. Everything installs into .venv from pinned versions.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.install-stamp
FONT := /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc
REDIS := /usr/bin/redis-server
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home
export WAREHOUSE_PATH ?= $(CURDIR)/data/warehouse.duckdb
export DISCLOSURE_INBOX ?= $(CURDIR)/data/inbox

.PHONY: install run run-distributed test ui bench lint clean office-fixtures browser-fixtures

install: $(STAMP) $(FONT) $(DAGSTER_HOME)/dagster.yaml $(REDIS)

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev,distributed]'
	touch $(STAMP)

# The sample generator embeds a real TrueType CJK font (Debian's WenQuanYi Zen Hei).
$(FONT):
	(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-zenhei >/dev/null) \
	  || { echo "could not install fonts-wqy-zenhei (needs root and the Debian mirror)"; exit 1; }

# The distributed profile's broker and instance database (make run-distributed, tests marked
# distributed): Debian's Redis and PostgreSQL 15. Not fatal: without them those tests skip.
$(REDIS):
	(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server postgresql-15 >/dev/null) \
	  || echo "could not install redis-server / postgresql-15: the distributed tests will skip"

$(DAGSTER_HOME)/dagster.yaml: dagster.yaml
	mkdir -p $(DAGSTER_HOME)
	cp dagster.yaml $(DAGSTER_HOME)/dagster.yaml

run: install
	rm -rf data/inbox && mkdir -p data
	$(BIN)/countybudget make-samples data/samples --size demo --form-b
	cp -r data/samples/pdfs data/inbox
	$(BIN)/countybudget ingest data/inbox --warehouse $(WAREHOUSE_PATH)
	$(BIN)/countybudget score $(WAREHOUSE_PATH) data/samples/truth
	# form (a): the same kind of documents with every table a screenshot, read by OCR (its own warehouse)
	$(BIN)/countybudget ingest data/samples/form_a/pdfs --warehouse data/form_a.duckdb
	$(BIN)/countybudget score data/form_a.duckdb data/samples/form_a/truth
	# form (b): two documents printed, stamped and scanned (no text layer), every page read by OCR
	$(BIN)/countybudget ingest data/samples/form_b/pdfs --warehouse data/form_b.duckdb
	$(BIN)/countybudget score data/form_b.duckdb data/samples/form_b/truth
	$(BIN)/countybudget query --warehouse $(WAREHOUSE_PATH) --file warehouse/sql/examples/cross_year.sql

# The same ingest with steps on 2 Celery workers and the Dagster instance on PostgreSQL, both started
# on loopback ports for the run and stopped after it (deploy/celery/stack.py, docs/scaling.md).
run-distributed: install
	rm -rf data/inbox && mkdir -p data
	$(BIN)/countybudget make-samples data/samples --size demo
	cp -r data/samples/pdfs data/inbox
	$(BIN)/python -m deploy.celery.stack --workers 2 -- data/inbox --warehouse data/warehouse-distributed.duckdb
	$(BIN)/countybudget score data/warehouse-distributed.duckdb data/samples/truth

test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -q

ui: install
	$(BIN)/dagster dev -h 127.0.0.1 -p 3000

bench: install
	$(BIN)/python -m bench.run_all

# The LibreOffice-printed fixtures (tests/fixtures/libreoffice); needs LibreOffice Calc, which
# install and test do not: apt-get install -y libreoffice-calc-nogui fonts-wqy-zenhei
office-fixtures: install
	$(BIN)/python -m samplegen.office --fixtures

# The third producer's fixtures: HTML reports printed by headless Chromium (apt-get install chromium).
browser-fixtures: install
	$(BIN)/python -m samplegen.browser --fixtures

lint: install
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/lint-imports

clean:
	rm -rf data .dagster_home $(VENV)
