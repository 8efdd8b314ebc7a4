#!/usr/bin/env bash
# Writes the demo author's audio track, video and the three covers next to this script. The
# files are committed: building and running the app never needs this script, only changing the
# material does. Needs Debian's ffmpeg (libx264, aac, drawtext) and fonts-dejavu-core.
#   demo-track.m4a        24 s arpeggio in C, AAC mono 48 kb/s, generated from an expression
#   demo-track-sample.m4a its first 5 s (the stream copied, not encoded again): the free sample
#   demo-video.mp4        8 s, 480x270 at 24 fps: a zoom into the Mandelbrot set under a title,
#                         H.264 (constrained baseline: every FFmpeg build decodes it) + AAC
#   demo-*-cover.png      400x600 covers: a gradient and the title
# MP4s have their index (moov) first, as a stream read from the start needs it, and carry no
# encoder metadata, so running this again gives the same bytes with the same ffmpeg.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
common=(-hide_banner -loglevel error -y)
out=(-map_metadata -1 -fflags +bitexact -movflags +faststart)

# Eight notes a bar (semitones above middle C), each a plucked tone that fades over 0.3 s.
notes='if(eq(k,0),0,if(eq(k,1),4,if(eq(k,2),7,if(eq(k,3),12,if(eq(k,4),16,if(eq(k,5),12,if(eq(k,6),7,4)))))))'
bars='if(lt(t,6),0,if(lt(t,12),-3,if(lt(t,18),5,if(lt(t,22),7,0))))'
melody="st(0,mod(floor(t*4),8));st(1,261.63*pow(2,(${notes//k/ld(0)}+${bars})/12));0.35*sin(2*PI*ld(1)*t)*exp(-10*mod(t,0.25))"
ffmpeg "${common[@]}" -f lavfi -i "aevalsrc='${melody}':s=44100:d=24" \
  -c:a aac -b:a 48k -ac 1 -flags:a +bitexact "${out[@]}" demo-track.m4a
ffmpeg "${common[@]}" -i demo-track.m4a -t 5 -c copy "${out[@]}" demo-track-sample.m4a

ffmpeg "${common[@]}" -f lavfi -i "mandelbrot=size=480x270:rate=24:start_scale=3:end_scale=0.05:end_pts=192,trim=duration=8" \
  -f lavfi -i "aevalsrc='0.2*sin(2*PI*220*t)*sin(PI*t/8)':s=44100:d=8" \
  -vf "drawtext=fontfile=${font}:text='Lightstreams Demo Press':fontsize=26:fontcolor=white:borderw=2:x=(w-text_w)/2:y=h-48" \
  -c:v libx264 -profile:v baseline -pix_fmt yuv420p -preset veryslow -crf 38 \
  -c:a aac -b:a 48k -ac 1 -shortest -flags:v +bitexact -flags:a +bitexact "${out[@]}" demo-video.mp4

cover() { # file, top colour, bottom colour, first line, second line
  ffmpeg "${common[@]}" -f lavfi -i "gradients=size=400x600:c0=$2:c1=$3:x0=0:y0=0:x1=0:y1=600:nb_colors=2:duration=1:rate=1" \
    -vf "drawtext=fontfile=${font}:text='$4':fontsize=34:fontcolor=white:x=(w-text_w)/2:y=210,drawtext=fontfile=${font}:text='$5':fontsize=34:fontcolor=white:x=(w-text_w)/2:y=258,drawtext=fontfile=${font}:text='Lightstreams Demo Press':fontsize=18:fontcolor=white@0.85:x=(w-text_w)/2:y=540" \
    -frames:v 1 -pix_fmt rgb24 -flags +bitexact "$1"
}
cover demo-book-cover.png 0x1d3557 0x457b9d 'A Short Guide' 'to Lightstreams'
cover demo-track-cover.png 0x6a040f 0xe85d04 'Harbour' 'Arpeggio'
cover demo-video-cover.png 0x10002b 0x7b2cbf 'Into the' 'Mandelbrot Set'
ls -l demo-track.m4a demo-track-sample.m4a demo-video.mp4 demo-*-cover.png
