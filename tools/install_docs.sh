#!/usr/bin/env bash
# Set-up for the website (issue #20), after tools/install.sh: the pinned docs packages (pyproject's `docs` extra,
# locked in requirements-docs.lock) into .venv, and Debian's chromium + chromium-driver for the site's browser check.
# Re-running is cheap: pip and apt skip what is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
quiet() { "$@" 2>&1 | { grep -v "is ignored: it is neither a file nor a directory" || true; }; }
[ -x .venv/bin/python ] || { echo "no .venv: run bash tools/install.sh first" >&2; exit 1; }
quiet .venv/bin/python -m pip install --quiet -r requirements-docs.lock
if ! { command -v chromium && command -v chromedriver; } >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo -n"
  if ! $SUDO apt-get install -y -q chromium chromium-driver >/dev/null 2>&1; then
    $SUDO apt-get update -q >/dev/null 2>&1 && $SUDO apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 || {
      echo "could not install Debian's chromium and chromium-driver (run: apt-get install chromium chromium-driver)" >&2
      exit 1; }
  fi
fi
.venv/bin/python -c "import sphinx, myst_nb, selenium, jupyter_server_mathjax; print(f'docs tools installed: sphinx {sphinx.__version__}, myst-nb {myst_nb.__version__}, selenium {selenium.__version__}')"
echo "$(chromium --version 2>/dev/null | head -1); $(chromedriver --version 2>/dev/null | head -1)"
