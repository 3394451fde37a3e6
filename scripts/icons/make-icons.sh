#!/bin/sh
# Regenerates the web app manifest's PNG icons (public/icons/) from public/favicon.svg and the maskable
# variant beside this script (full-bleed background, the clock inside the central 80 % safe zone).
# Needs rsvg-convert (Debian: librsvg2-bin). Run from the repository root.
set -eu
out=public/icons
mkdir -p "$out"
rsvg-convert -w 192 -h 192 public/favicon.svg -o "$out/icon-192.png"
rsvg-convert -w 512 -h 512 public/favicon.svg -o "$out/icon-512.png"
rsvg-convert -w 512 -h 512 scripts/icons/maskable.svg -o "$out/maskable-512.png"
