#!/usr/bin/env bash
# Renders the desktop app's screens into docs/screenshots/ as two users meet them, with content:
# the end-to-end GUI test (tests/gui/tst_end_to_end.cpp) drives two real apps on one "This
# computer" — onboarding, Discover with the demo titles, publishing a PDF in the Studio, a second
# profile buying it (title page, purchase, Library with the Reader), streaming the demo video, the
# Network, Wallet and Settings sections — and saves each screen it checked (LS_SCREENSHOT_DIR);
# then a video opened while it is still downloading (tests/gui/tst_library_streaming.cpp).
# Then the reader on the test book, light and dark (reader.png, reader-dark.png).
#   scripts/screenshots.sh            uses build/ (LS_BUILD_DIR overrides)
# Runs under Xvfb when xvfb-run is installed and there is no display, else offscreen.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${LS_BUILD_DIR:-$root/build}"
app="$build/app/gui/lightstreams"
out="$root/docs/screenshots"
[ -x "$app" ] || { echo "$app is missing: build the lightstreams target" >&2; exit 1; }
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

# Two apps, their screens on the way; a failed check is a failed run (and pictures of a fault).
tour="$build/tests/gui/tst_end_to_end"
[ -x "$tour" ] || { echo "$tour is missing: build the tst_end_to_end target" >&2; exit 1; }
LS_SCREENSHOT_DIR="$out" QTEST_FUNCTION_TIMEOUT=900000 "${run[@]}" "$tour" -style fusion
# A video opened while it downloads from a slow author (tests/gui/tst_library_streaming.cpp):
# the Library offering Open, the Player buffering.
streaming="$build/tests/gui/tst_library_streaming"
[ -x "$streaming" ] || { echo "$streaming is missing: build it" >&2; exit 1; }
LS_SCREENSHOT_DIR="$out" "${run[@]}" "$streaming" -style fusion
ls "$out"/*.png

# The reader on a file, as `lightstreams --open FILE` shows it.
book="$root/tests/gui/data/sample-book.pdf"
"${run[@]}" "$app" "${profile[@]}" -style fusion --open "$book" --screenshot "$out/reader.png"
echo "$out/reader.png"
printf '[appearance]\ntheme=dark\n' > "$work/tour/settings.ini"
"${run[@]}" "$app" "${profile[@]}" -style fusion --open "$book" --screenshot "$out/reader-dark.png"
echo "$out/reader-dark.png"
