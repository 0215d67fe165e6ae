# Cadence — `make run` starts the app, `make test` runs every test.
# Both install what is missing first (Debian packages, tauri-driver, npm packages).
SHELL := /bin/bash
.DEFAULT_GOAL := help
.PHONY: help run dev test deps deps-system deps-tools deps-npm deps-bench ui lint test-rust test-ui test-e2e bench app

APT_PACKAGES := build-essential pkg-config libssl-dev libwebkit2gtk-4.1-dev xvfb xauth \
	webkit2gtk-driver chromium python3 python3-venv
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export CARGO_TERM_COLOR ?= never
export PATH := $(HOME)/.cargo/bin:$(PATH)
XVFB := xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp"
APP := target/debug/cadence-app

help:
	@echo "make run    install what is missing, build, start Cadence"
	@echo "make test   install what is missing, run every test"
	@echo "make bench  measure the week query and the month dashboard on 100,000 posts (release build)"

## ---- set-up --------------------------------------------------------------
deps: deps-system deps-tools deps-npm

deps-system:
	@command -v cargo >/dev/null || { echo "Rust (cargo) is required: install the stable toolchain first"; exit 1; }
	@command -v node >/dev/null || { echo "Node.js 20+ is required"; exit 1; }
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

deps-tools:
	@command -v tauri-driver >/dev/null || cargo install tauri-driver --version '^2' --locked

deps-npm: ui/node_modules/.package-lock.json

ui/node_modules/.package-lock.json: ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund
	@touch $@

## ---- build and run -------------------------------------------------------
ui: deps-npm
	cd ui && npm run build

app: ui
	cargo build -p cadence-app

run: deps app
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ]; then \
	  echo "No display found: starting Cadence inside a virtual X display (Xvfb)."; \
	  $(XVFB) $(APP); \
	else \
	  $(APP); \
	fi

# Front-end work: Vite dev server with hot reload, app window loading it.
dev: deps
	cd ui && (npm run dev &) && cd .. && sleep 2 && cargo run -p cadence-app --no-default-features

## ---- tests ---------------------------------------------------------------
test: deps
	@scripts/test-all.sh

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings

test-rust:
	tests/ics-parsers/setup.sh
	cargo test --workspace

test-ui: deps-npm
	cd ui && npm run typecheck && npm test && npm run build && npm run test:browser

test-e2e: app deps-tools
	$(XVFB) node --test ui/e2e/

deps-bench: deps-system
	@for p in wrk curl; do dpkg -s $$p >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends wrk curl; break; }; done

# Every committed performance figure, measured on this machine.
bench: deps-bench
	cargo run --release -p cadence -- bench --posts 100000 --plans 10 --years 5 --max-median-ms 1
	cargo run --release -p cadence -- bench-dashboard --posts 100000 --plans 10,1 --years 5 --max-median-ms 20
	tests/ics-parsers/setup.sh
	scripts/bench-ics.sh
