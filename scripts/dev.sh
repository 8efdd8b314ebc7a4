#!/usr/bin/env bash
# The README's two commands:
#   scripts/dev.sh run    install dependencies, build, launch the desktop app
#   scripts/dev.sh test   install dependencies, build, run the whole test suite
# Extra arguments after `run` go to the app; after `test`, to ctest.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${LS_BUILD_DIR:-$root/build}"
mode="${1:-}"
shift || true

case "$mode" in
  run|test) ;;
  *) echo "usage: $0 run|test [args...]" >&2; exit 2 ;;
esac

"$root/scripts/setup-debian.sh"

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build" --parallel "$(nproc)"

if [ "$mode" = run ]; then
  exec "$build/app/gui/lightstreams" "$@"
fi

# ethers.js for the compatibility test, pinned by tests/ethers/package-lock.json; reinstalled only
# when the lock file changed.
ethers="$root/tests/ethers"
if [ ! -f "$ethers/node_modules/.package-lock.json" ] || \
   [ "$ethers/package-lock.json" -nt "$ethers/node_modules/.package-lock.json" ]; then
  (cd "$ethers" && npm ci --no-audit --no-fund --loglevel=error)
fi

# Tests run headless; GUI tests use the offscreen platform (set per test in CMake too).
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
ctest --test-dir "$build" --output-on-failure --parallel "$(nproc)" "$@"
