#!/usr/bin/env bash
# ssh-renderers.sh: docsurvey serve with its own screen (server/screen.go,
# the default), with Bubble Tea v2's renderer (--tea-renderer), and the
# bare Bubble Tea v2 + Wish v2 + ntcharts v2 server (../bare/server), in
# one run: for each N, each server fresh, the three in turn; then 200 idle
# sessions for each. Loopback only. Run from the repository root:
#
#	internal/loadtest/scripts/ssh-renderers.sh [N ...]   # default 1 100 200
#	IDLE=0 internal/loadtest/scripts/ssh-renderers.sh 50  # no idle runs
#	internal/loadtest/scripts/ssh-renderers.sh none       # only the idle runs
#	MODES="screen bare" internal/loadtest/scripts/ssh-renderers.sh 200 800
set -euo pipefail
sizes=${*:-1 100 200}
[ "$sizes" = none ] && sizes=
modes=${MODES:-screen tea bare}
dir=$(mktemp -d)
trap 'kill "${pid:-}" 2>/dev/null || true; rm -rf "$dir"' EXIT
go build -o "$dir/docsurvey" ./cmd/docsurvey
go build -o "$dir/load" ./cmd/docsurvey-load
go build -o "$dir/bare" ./internal/loadtest/bare/server
# A port of its own, below the ephemeral range (32768 and up on Linux) the
# load tool's own connections take: other runs may hold the usual ones.
port=${PORT:-$((20000 + RANDOM % 10000))}
# start MODE starts a fresh server for MODE (screen, tea or bare) on $port.
start() {
	case $1 in
	screen) "$dir/docsurvey" serve --listen 127.0.0.1:$port --host-key "$dir/hk" --max-sessions 1000 --max-per-ip 1000 --rate-per-ip -1 --max-pending 1000 2>/dev/null & ;;
	tea) "$dir/docsurvey" serve --tea-renderer --listen 127.0.0.1:$port --host-key "$dir/hk" --max-sessions 1000 --max-per-ip 1000 --rate-per-ip -1 --max-pending 1000 2>/dev/null & ;;
	bare) "$dir/bare" -listen 127.0.0.1:$port -host-key "$dir/bare_hk" 2>/dev/null & ;;
	esac
	pid=$!
	until (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; do
		kill -0 "$pid" 2>/dev/null || { echo "the $1 server did not start (port $port taken?)" >&2; exit 1; }
		sleep 0.05
	done
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=; }
for n in $sizes; do
	for mode in $modes; do
		echo "== $mode, $n sessions"
		start $mode
		"$dir/load" -addr 127.0.0.1:$port -server-pid "$pid" -sessions "$n" -keys 10 || echo "(failures above)"
		stop
	done
done
[ "${IDLE:-1}" = 0 ] && exit 0
for mode in $modes; do
	echo "== $mode, 200 idle sessions"
	start $mode
	"$dir/load" -addr 127.0.0.1:$port -server-pid "$pid" -sessions 200 -idle -idle-for 10s || echo "(failures above)"
	stop
done
