#!/usr/bin/env bash
# Regenerates the media the content tests publish and fetch (tests/cli/tst_cli_content.cpp):
# sample.mp4, four seconds of ffmpeg's own test pattern and a 440 Hz tone — material the project
# owns, made by Debian's ffmpeg (`apt-get install ffmpeg`; nothing in the build needs it). Bit-exact flags and one
# encoder thread make the output repeatable. (The sample PDF is written by code at test time:
# tests/support/SamplePdf.h.)
set -euo pipefail
cd "$(dirname "$0")"
ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "testsrc2=size=320x240:rate=25:duration=4" \
  -f lavfi -i "sine=frequency=440:sample_rate=44100:duration=4" \
  -c:v libx264 -preset veryfast -crf 30 -pix_fmt yuv420p -threads 1 \
  -c:a aac -b:a 64k \
  -fflags +bitexact -flags:v +bitexact -flags:a +bitexact -map_metadata -1 \
  -movflags +faststart \
  sample.mp4
echo "wrote $(pwd)/sample.mp4 ($(stat -c %s sample.mp4) bytes)"
