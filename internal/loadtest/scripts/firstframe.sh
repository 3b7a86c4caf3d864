#!/usr/bin/env bash
# firstframe.sh: the local first frame in tmux, docsurvey against the bare
# Bubble Tea v2 + ntcharts v2 program (../bare/local), alternating in one
# run. Each sample is the time from starting the program in a fresh
# 100x30 tmux pane to its status line on screen, polling capture-pane (so
# it includes tmux's own latency). Run from the repository root:
#
#	internal/loadtest/scripts/firstframe.sh [RUNS]   # default 20 of each
set -euo pipefail
runs=${1:-20}
dir=$(mktemp -d)
trap 'tmux -L ff kill-server 2>/dev/null || true; rm -rf "$dir"' EXIT
go build -o "$dir/docsurvey" ./cmd/docsurvey
go build -o "$dir/bare" ./internal/loadtest/bare/local
T="tmux -L ff"
$T new -d -s ff -x 100 -y 30 'sleep 600'
sleep 0.3
# measure PROGRAM MARKER prints the milliseconds until MARKER is on screen.
measure() {
	local start
	start=$(date +%s%N)
	$T respawn-pane -k -t ff "$1"
	until $T capture-pane -p -t ff | grep -q "$2"; do :; done
	echo $((($(date +%s%N) - start) / 1000000))
	$T respawn-pane -k -t ff 'sleep 600'
	sleep 0.2
}
for _ in $(seq "$runs"); do
	measure "$dir/docsurvey" 'q quit' >>"$dir/docsurvey.ms"
	measure "$dir/bare" 'bare ready' >>"$dir/bare.ms"
done
median() { sort -n "$1" | awk '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "%.1f ms (range %d-%d, n=%d)", m, v[1], v[NR], NR}'; }
d=$(sort -n "$dir/docsurvey.ms" | awk '{v[NR]=$1} END {print (NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2}')
b=$(sort -n "$dir/bare.ms" | awk '{v[NR]=$1} END {print (NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2}')
echo "docsurvey: $(median "$dir/docsurvey.ms")"
echo "bare:      $(median "$dir/bare.ms")"
awk -v d="$d" -v b="$b" 'BEGIN {printf "ratio docsurvey/bare: %.2f\n", d/b}'
