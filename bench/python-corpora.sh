#!/usr/bin/env bash
# Fetches the Python corpora of bench/python.sh into a folder (default target/pycorpora), one git repository per
# package: the sources of well-known Python packages, without their tests.
#
# The issue asks for source distributions from PyPI; PyPI is out of reach where this was written, so the same
# sources come from Debian's python3-* packages instead (`apt-get download`, then `dpkg -x`: no root needed, nothing
# installed). The versions are Debian's (bookworm: requests 2.28, flask 2.2, click 8.1, jinja2 3.1, rich 13.3, ...).
# Idempotent: a corpus folder that already exists is left alone.
#
#   bench/python-corpora.sh [folder] [package ...]     default packages: requests flask click jinja2 rich
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/pycorpora}
shift || true
packages=("${@:-requests flask click jinja2 rich}")
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for list in "${packages[@]}"; do
  for name in $list; do
    [ -d "$out/$name/.git" ] && continue
    # apt warns that it downloads as root into a folder its _apt user cannot read: harmless here
    (cd "$work" && apt-get download "python3-$name" >/dev/null 2> >(grep -v "^W: Download is performed unsandboxed" >&2))
    deb=$(ls "$work"/python3-"${name}"_*.deb | head -1)
    rm -rf "$work/x" && dpkg -x "$deb" "$work/x"
    mkdir -p "$out/$name"
    # the importable folders only: leave out *.dist-info / *.egg-info metadata
    for item in "$work"/x/usr/lib/python3/dist-packages/*; do
      case "$item" in *-info) ;; *) cp -r "$item" "$out/$name/" ;; esac
    done
    git -C "$out/$name" init -q
    git -C "$out/$name" add -A
    git -C "$out/$name" -c user.name=bench -c user.email=bench@localhost commit -q -m "$(basename "$deb")"
    rm -f "$deb"
    echo "$out/$name: $(find "$out/$name" -name '*.py' | wc -l) Python files ($(basename "$deb"))"
  done
done
