#!/usr/bin/env bash
# Renders the desktop app's screens into docs/screenshots/: the first-run wizard
# (onboarding.png), then each section (discover.png … settings.png) of a profile with a wallet on
# "This computer" — the app's own network, started for real, so every figure shown is proven —
# and the reader on the test book (reader.png; tests/gui/data/sample-book.pdf), light and dark
# (reader-dark.png, with the dark theme chosen in the profile's settings).
#   scripts/screenshots.sh            uses build/ (LS_BUILD_DIR overrides)
# Runs under Xvfb when xvfb-run is installed and there is no display, else offscreen.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${LS_BUILD_DIR:-$root/build}"
app="$build/app/gui/lightstreams"
cli="$build/app/cli/lightstreams-cli"
out="$root/docs/screenshots"
for program in "$app" "$cli"; do
  [ -x "$program" ] || { echo "$program is missing: build the lightstreams and lightstreams-cli targets" >&2; exit 1; }
done
mkdir -p "$out"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

run=()
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
  run=(xvfb-run -a -s "-screen 0 1280x900x24")
else
  export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
fi
# The same look on every machine: Qt's own style, English.
export LANG=C.UTF-8 LC_ALL=C.UTF-8
profile=(--datadir "$work" --profile tour)

"${run[@]}" "$app" "${profile[@]}" -style fusion --screenshot "$out/onboarding.png"

# A wallet as the CLI makes it; the app then opens on "This computer", funded.
printf 'screenshots only\n' > "$work/passphrase"
"$cli" "${profile[@]}" wallet new --light-kdf --passphrase-file "$work/passphrase" > /dev/null

for section in discover library studio wallet network settings; do
  "${run[@]}" "$app" "${profile[@]}" -style fusion --section "$section" --screenshot "$out/$section.png"
  echo "$out/$section.png"
done

# The reader, opened on a file as the library will open a title.
book="$root/tests/gui/data/sample-book.pdf"
"${run[@]}" "$app" "${profile[@]}" -style fusion --open "$book" --screenshot "$out/reader.png"
echo "$out/reader.png"
printf '[appearance]\ntheme=dark\n' > "$work/tour/settings.ini"
"${run[@]}" "$app" "${profile[@]}" -style fusion --open "$book" --screenshot "$out/reader-dark.png"
echo "$out/reader-dark.png"
