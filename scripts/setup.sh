#!/usr/bin/env bash
# Create .venv/ and install the assistant with everything it needs to run offline.
# Idempotent: a second run with an unchanged pyproject.toml installs nothing.
# Usage: scripts/setup.sh [--dev]
set -euo pipefail
cd "$(dirname "$0")/.."

extras=""
[ "${1:-}" = "--dev" ] && extras="[dev]"

python_bin="${PYTHON:-}"
if [ -z "$python_bin" ]; then
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 \
       && "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
      python_bin="$candidate"; break
    fi
  done
fi
if [ -z "$python_bin" ]; then
  echo "error: Python 3.11 is needed; install it or set PYTHON=/path/to/python3.11" >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  echo "==> creating .venv with $python_bin"
  "$python_bin" -m venv .venv
fi

hash="$(sha256sum < pyproject.toml | cut -c1-16)"
stamp=".venv/.installed-${hash}${extras:+-dev}"
# A dev install also satisfies a plain one.
if [ ! -f "$stamp" ] && [ ! -f ".venv/.installed-${hash}-dev" ]; then
  echo "==> installing (first time: about 10 minutes; llama-cpp-python compiles, the model is 1.1 GB)"
  .venv/bin/python -m pip install --quiet --upgrade pip
  # The CPU build of torch first: left to the resolver, a bare torch pulls a CUDA build of several GB.
  .venv/bin/python -m pip install --quiet "torch==2.13.0"
  .venv/bin/python -m pip install --quiet -e ".${extras}"
  rm -f .venv/.installed-*
  touch "$stamp"
fi
echo "==> preparing the bundled model and the index"
.venv/bin/assistant prepare
