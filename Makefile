# Lepší města — `make help` lists the targets.
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(VENV)/.run-deps: requirements.txt constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt -c constraints.txt
	touch $@

$(VENV)/.test-deps: $(VENV)/.run-deps requirements-test.txt
	$(PY) -m pip install --quiet -r requirements-test.txt -c constraints.txt
	touch $@

install: $(VENV)/.run-deps ## Create the virtual environment with the pinned packages

messages: $(VENV)/.run-deps ## Compile the translation catalogues (.po -> .mo)
	$(MANAGE) compile_translations

makemessages: $(VENV)/.run-deps ## Extract new template and code strings into locale/*.po
	$(MANAGE) makemessages --locale cs --locale en --ignore '.venv/*' --no-obsolete

run: export BASE_URL ?= http://$(HOST):$(PORT)
run: messages ## Set up (first time) and serve the site at http://127.0.0.1:8000 on SQLite
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) load_site
	$(MANAGE) ensure_dev_admin
	$(MANAGE) ensure_dev_partners
	@echo "Site:  http://$(HOST):$(PORT)/  (Czech /cs/, English /en/; e-mails are printed below)"
	$(MANAGE) runserver $(HOST):$(PORT)

test: $(VENV)/.test-deps ## Install the test tools and run all tests (DATABASE_URL picks the database)
	$(MANAGE) compile_translations
	$(VENV)/bin/pytest -n auto --dist loadscope --durations=15

search-eval: $(VENV)/.test-deps ## Run the judged search queries (tests/search_eval.toml): shares found first and in the top three
	$(MANAGE) compile_translations
	$(VENV)/bin/pytest tests/core/test_search_eval.py -q

bench: SCALE ?= full
bench: messages ## Build (or reuse) the scale data set and measure every public page type (SCALE=small: 1/100)
	$(PY) -m bench --scale $(SCALE)

test-stack: $(VENV)/.test-deps ## Run the production-stack tests: gunicorn behind Debian's nginx (as root)
	$(MANAGE) compile_translations
	$(VENV)/bin/pytest -m stack tests/stack

lint: $(VENV)/.test-deps ## ruff lint and format check, Django checks, migrations up to date
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

format: $(VENV)/.test-deps ## Format and fix the code with ruff
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

lock: ## Re-pin every package in constraints.txt from a fresh install
	rm -rf /tmp/lepsimesta-lock && $(PYTHON) -m venv /tmp/lepsimesta-lock
	/tmp/lepsimesta-lock/bin/pip install --quiet -r requirements-test.txt
	(echo "# Exact versions of every package, so two installs a month apart get the same set."; \
	 echo "# Refresh with: make lock"; /tmp/lepsimesta-lock/bin/pip freeze) > constraints.txt

image: ## Build the production image (podman if present, else docker)
	if command -v podman >/dev/null; then podman build --format docker -t lepsimesta .; \
	else docker build -t lepsimesta .; fi

clean: ## Remove the virtual environment, the SQLite database and collected files
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm static_collected media

.PHONY: help install messages makemessages run test search-eval bench test-stack lint format lock image clean
