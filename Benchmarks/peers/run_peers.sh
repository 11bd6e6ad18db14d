#!/bin/sh
# Time fsiii against the DuckDB and pandas peers on a data folder:
#   Benchmarks/peers/run_peers.sh DIR [--runs N] [--json FILE] [--tools fsiii,duckdb,pandas]
# Creates <package root>/.build/peers-venv with the pinned requirements on first
# use (or when requirements.txt changed), then runs run_peers.py in it.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$here
while [ ! -f "$root/Package.swift" ]; do
    parent=$(dirname "$root")
    if [ "$parent" = "$root" ]; then
        echo "run_peers.sh: no Package.swift above $here" >&2
        exit 2
    fi
    root=$parent
done
venv="$root/.build/peers-venv"
stamp="$venv/requirements.installed"
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$here/requirements.txt" "$stamp"; then
    echo "run_peers.sh: setting up $venv" >&2
    mkdir -p "$root/.build"
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"
    cp "$here/requirements.txt" "$stamp"
fi
exec "$venv/bin/python" "$here/run_peers.py" "$@"
