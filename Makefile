# AliExpress Dispute Wizard: set-up, run and test in one place.
#   make run       install requirements.txt into .venv and start the app on http://localhost:8501
#   make test      install requirements-dev.txt (+ Debian chromium if missing), run `make check`, then the whole suite
#   make check     lint, format and type checks (ruff and mypy, configured in pyproject.toml)
#   make bench     run the benchmark scripts in bench/
#   make messages  extract the texts into locale/messages.pot, update each language's .po, compile the .mo files
#   make serve-replicas N=3   N replicas behind HAProxy on http://127.0.0.1:8500 (README, "Host it")
#   make stop-replicas        stop them

SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
VPY  := $(VENV)/bin/python
# First interpreter that is Python 3.11 or newer (python3.11 preferred).
PYTHON ?= $(shell for p in python3.11 python3; do \
	if $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; then echo $$p; break; fi; done)
CHROMIUM := /usr/bin/chromium
PORT ?= 8501
N ?= 3
LB_PORT ?= 8500

# Stamp files named after a hash of the requirement files: an install runs again
# only when the requirements change (or the venv is recreated).
RUN_HASH  := $(shell cat requirements.txt 2>/dev/null | sha256sum | cut -c1-12)
DEV_HASH  := $(shell cat requirements.txt requirements-dev.txt 2>/dev/null | sha256sum | cut -c1-12)
RUN_STAMP := $(VENV)/.installed-run-$(RUN_HASH)
DEV_STAMP := $(VENV)/.installed-dev-$(DEV_HASH)

.PHONY: help run check test bench messages catalogs chromium haproxy serve-replicas stop-replicas

help:
	@echo "make run | make test | make check | make bench | make messages | make serve-replicas N=3 | make stop-replicas"

$(VPY):
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is needed (python3.11 or python3)" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(RUN_STAMP): | $(VPY)
	$(VPY) -m pip install --disable-pip-version-check -q -r requirements.txt
	@rm -f $(VENV)/.installed-run-*
	@touch $@

$(DEV_STAMP): | $(VPY)
	$(VPY) -m pip install --disable-pip-version-check -q -r requirements-dev.txt
	@rm -f $(VENV)/.installed-dev-*
	@touch $@

run: $(RUN_STAMP) catalogs
	$(VENV)/bin/streamlit run app.py --server.port $(PORT) --server.headless true

# Debian's chromium for the browser tests (never `playwright install`).
# Installed only when missing; sudo only when not root and sudo exists.
# In CI (CI set and not "false"/"0") a browser still missing afterwards is an error;
# elsewhere the browser tests skip themselves.
chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
		SUDO=""; \
		if [ "$$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then SUDO=sudo; fi; \
		echo "Installing Debian chromium with apt-get"; \
		{ $$SUDO apt-get update && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; } \
			|| echo "warning: could not install chromium with apt-get" >&2; \
	fi
	@if [ ! -x $(CHROMIUM) ]; then \
		case "$${CI:-}" in ""|false|0) echo "warning: $(CHROMIUM) missing: browser tests will be skipped" >&2 ;; \
		*) echo "error: $(CHROMIUM) missing in CI" >&2; exit 1 ;; esac; \
	fi

# Debian's haproxy for deploy/ and tests/deploy, the same way: installed only when missing;
# still missing afterwards is an error in CI, a skip of tests/deploy's balancer tests elsewhere.
haproxy:
	@if ! command -v haproxy >/dev/null 2>&1; then \
		SUDO=""; \
		if [ "$$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then SUDO=sudo; fi; \
		echo "Installing Debian haproxy with apt-get"; \
		{ $$SUDO apt-get update && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y haproxy; } \
			|| echo "warning: could not install haproxy with apt-get" >&2; \
	fi
	@if ! command -v haproxy >/dev/null 2>&1; then \
		case "$${CI:-}" in ""|false|0) echo "warning: haproxy missing: the balancer tests will be skipped" >&2 ;; \
		*) echo "error: haproxy missing in CI" >&2; exit 1 ;; esac; \
	fi

# N replicas of the app and HAProxy in front of them, on loopback; pid files and logs in deploy/run/.
serve-replicas: $(RUN_STAMP) haproxy
	$(VPY) -m deploy.replicas start --replicas $(N) --port $(LB_PORT)

stop-replicas:
	$(VPY) -m deploy.replicas stop

check: $(DEV_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

test: $(DEV_STAMP) check catalogs chromium haproxy
	$(VPY) -m pytest -p no:cacheprovider

# Every bench/*.py except the *_app.py files, which are Streamlit scripts the
# benchmarks measure (e.g. floor_app.py, the framework floor), and the modules
# they share (harness.py, gc_mode.py), which are not benchmarks.
bench: $(DEV_STAMP) chromium haproxy
	@shopt -s nullglob; found=0; \
	for s in bench/*.py; do \
		case "$$s" in *_app.py|bench/__init__.py|bench/gc_mode.py|bench/harness.py) continue ;; esac; \
		found=1; echo "== $$s"; $(VPY) "$$s" || exit $$?; \
	done; \
	[ $$found = 1 ] || echo "no benchmark scripts in bench/"

# Extract the texts into the .pot, bring each language's .po up to date with it (no fuzzy guesses: a changed
# text is untranslated until someone translates it), and compile the .mo files the app reads.
messages: $(RUN_STAMP)
	@mkdir -p locale
	$(VENV)/bin/pybabel extract -F babel.cfg -k _ -k N_ -k said -k ngettext:1,2 \
		--project="AliExpress Dispute Wizard" -o locale/messages.pot .
	@for po in locale/*/LC_MESSAGES/messages.po; do \
		[ -f "$$po" ] || continue; \
		lang=$$(basename $$(dirname $$(dirname $$po))); \
		$(VENV)/bin/pybabel update --no-fuzzy-matching --ignore-obsolete -i locale/messages.pot -d locale -D messages -l $$lang || exit $$?; \
	done
	@$(MAKE) --no-print-directory catalogs

# The compiled catalogs (.mo) from the .po files; also committed, so Community Cloud serves them as they are.
catalogs: $(RUN_STAMP)
	@for po in locale/*/LC_MESSAGES/messages.po; do \
		[ -f "$$po" ] || continue; \
		$(VENV)/bin/pybabel compile -i "$$po" -o "$${po%.po}.mo" || exit $$?; \
	done
