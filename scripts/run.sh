#!/usr/bin/env bash
# Set up what is missing, then open Klantdossier (arguments go to main.py).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python main.py "$@"
