#!/bin/sh
# Regenerates the encoded media of this folder with Debian's ffmpeg (see README.md for versions).
# Every clip is a synthetic test pattern (lavfi testsrc2 / sine), 128x96, a handful of frames.
set -eu
cd "$(dirname "$0")"
FF="ffmpeg -hide_banner -loglevel error -y -threads 1"
SRC="-f lavfi -i testsrc2=size=128x96:rate=10"

# H.264 (libx264), Annex B, key frame every 4 frames, 2 slices per picture, AUD inserted.
$FF $SRC -frames:v 6 -c:v libx264 -preset veryfast -bf 0 -g 4 -x264-params slices=2 \
  -bsf:v h264_metadata=aud=insert -f h264 h264-2slices.h264
# H.265 (libx265), Annex B, key frame every 4 frames, 2 temporal sub-layers, AUD inserted.
$FF $SRC -frames:v 6 -c:v libx265 -preset veryfast \
  -x265-params keyint=4:min-keyint=4:bframes=1:temporal-layers=1:log-level=error \
  -bsf:v hevc_metadata=aud=insert -f hevc h265-temporal.h265
# VP8 (libvpx), IVF, key frame every 4 frames, 2 temporal layers.
$FF $SRC -frames:v 6 -c:v libvpx -b:v 200k -g 4 -deadline realtime -cpu-used 8 \
  -ts-parameters ts_number_layers=2:ts_target_bitrate=100,200:ts_rate_decimator=2,1:ts_periodicity=2:ts_layer_id=0,1 \
  -f ivf vp8-temporal.ivf
# VP9 (libvpx-vp9), IVF, two-pass with alt-ref frames (hidden frames, packed in superframes).
$FF $SRC -frames:v 10 -c:v libvpx-vp9 -b:v 200k -g 10 -auto-alt-ref 1 -lag-in-frames 16 \
  -pass 1 -passlogfile vp9pass -f null /dev/null
$FF $SRC -frames:v 10 -c:v libvpx-vp9 -b:v 200k -g 10 -auto-alt-ref 1 -lag-in-frames 16 \
  -pass 2 -passlogfile vp9pass -f ivf vp9-superframes.ivf
rm -f vp9pass*.log
# AV1 (libaom), IVF, real-time usage, key frame every 4 frames.
$FF $SRC -frames:v 6 -c:v libaom-av1 -usage realtime -cpu-used 8 -b:v 100k -g 4 \
  -f ivf av1.ivf
# Opus (libopus), Ogg, 20 ms frames, 0.1 s of a 440 Hz sine.
$FF -f lavfi -i sine=frequency=440:duration=0.1:sample_rate=48000 -c:a libopus -b:a 32k \
  -frame_duration 20 -f ogg opus.ogg
