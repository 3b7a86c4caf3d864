#!/usr/bin/env bash
# Makes docs/screenshot.png from a real run of the explorer: the binary is
# built from this checkout, run in a detached tmux window of 100x34, its
# screen captured with colours (tmux capture-pane -e -p) and drawn to PNG
# by Charm's freeze (go install github.com/charmbracelet/freeze@v0.2.2).
# freeze draws PNGs at 4x; netpbm scales it to 1400 pixels wide and
# pngquant cuts the palette so the file stays small
# (apt-get install netpbm pngquant).
#
#   docs/screenshot.sh            # writes docs/screenshot.png
set -euo pipefail
cd "$(dirname "$0")/.."
FREEZE=${FREEZE:-freeze}
work=$(mktemp -d)
session=docsurvey-shot-$$
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT

go build -o "$work/docsurvey" ./cmd/docsurvey
tmux new-session -d -s "$session" -x 100 -y 34 \
  "env TERM=xterm-256color COLORTERM=truecolor NO_COLOR= $work/docsurvey --view platforms"
# Wait for the first frame (the chart's title), then for it to settle.
for _ in $(seq 100); do
  tmux capture-pane -t "$session" -p | grep -q 'Popular social media sites' && break
  sleep 0.1
done
sleep 0.5
tmux capture-pane -t "$session" -e -p > "$work/screen.ansi"
tmux send-keys -t "$session" q

"$FREEZE" "$work/screen.ansi" --language ansi --window --padding 20 --margin 0 \
  --font.size 14 --line-height 1.2 --border.radius 8 --output "$work/full.png"
pngtopam "$work/full.png" | pamscale -width 1400 | pnmtopng > "$work/small.png"
pngquant --force --output docs/screenshot.png 64 "$work/small.png"
chmod 644 docs/screenshot.png
ls -l docs/screenshot.png
