#!/usr/bin/env bash
# Install clurender into ./.venv on a fresh machine: pinned dependencies (requirements.lock; the website's in
# requirements-docs.lock), the package in editable mode (setup.py reads settings.ini; it also puts the `clurender` and
# `papermill` commands in .venv/bin), a Jupyter kernel named "clurender", and Debian's chromium + chromium-driver for
# the website's browser check (as root or with passwordless sudo; otherwise one line says how).
# Re-running is cheap: pip skips what is already installed and reuses its download cache (~/.cache/pip or $PIP_CACHE_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
quiet() { "$@" 2>&1 | { grep -v "is ignored: it is neither a file nor a directory" || true; }; }   # pip noise from local index mirrors
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 10))'; then
  echo "clurender needs Python >= 3.10 (found $("$PYTHON" --version 2>&1)); set PYTHON=/path/to/python3.x" >&2; exit 1
fi
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
quiet .venv/bin/python -m pip install --quiet --upgrade "pip>=24"
quiet .venv/bin/python -m pip install --quiet -r requirements.lock -r requirements-docs.lock
.venv/bin/python -m pip install --quiet --no-deps --no-build-isolation -e . 2>/dev/null \
  || .venv/bin/python -m pip install --quiet --no-deps -e .
.venv/bin/python -m ipykernel install --sys-prefix --name clurender --display-name "Python (clurender)" >/dev/null
if ! { command -v chromium && command -v chromedriver; } >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo -n"
  { $SUDO apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 ||
    { $SUDO apt-get update -q >/dev/null 2>&1 && $SUDO apt-get install -y -q chromium chromium-driver >/dev/null 2>&1; }; } ||
    echo "note: Debian's chromium and chromium-driver could not be installed; the website check of the tests needs them" \
         "(apt-get install chromium chromium-driver)" >&2
fi
.venv/bin/python -c "import torch, pytorch3d, nbdev; from pytorch3d import _C; import clurender; print(f'clurender {clurender.__version__} installed: torch {torch.__version__}, pytorch3d {pytorch3d.__version__}, nbdev {nbdev.__version__}')"
