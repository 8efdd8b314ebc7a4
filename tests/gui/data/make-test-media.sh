#!/usr/bin/env bash
# Writes the player's test media next to this script, with Debian's ffmpeg (not needed to build
# or test; the files are committed):
#   clip.mp4  2 s of ffmpeg's test pattern, 320x240 at 15 fps, H.264 + a 440 Hz AAC tone
#   tone.m4a  3 s of a 440 Hz AAC tone, no picture
# Both with the index (moov) first, as a stream read from the start needs it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
common=(-hide_banner -loglevel error -y)
out=(-map_metadata -1 -fflags +bitexact -movflags +faststart)
ffmpeg "${common[@]}" -f lavfi -i testsrc=duration=2:size=320x240:rate=15 \
  -f lavfi -i sine=frequency=440:duration=2 \
  -c:v libx264 -pix_fmt yuv420p -preset veryslow -crf 30 -c:a aac -b:a 48k -shortest \
  -flags:v +bitexact -flags:a +bitexact "${out[@]}" clip.mp4
ffmpeg "${common[@]}" -f lavfi -i sine=frequency=440:duration=3 \
  -c:a aac -b:a 48k -flags:a +bitexact "${out[@]}" tone.m4a
ls -l clip.mp4 tone.m4a
