#!/usr/bin/env bash
# against-v1.sh: the SSH figures of issue 11 in one sitting, alternating
# the last Charm v1 commit (d6bc031, built from this repository's history),
# this checkout and the bare Bubble Tea v2 + Wish v2 + ntcharts v2 server
# (../bare/server): 200 sessions at once (120x40, 10 tabs each), 800 at
# once (v1 and this checkout), then 200 idle for 10 s; two rounds of each,
# a fresh server for every run. Loopback only; run from the repository
# root (v1 builds in a temporary worktree, so history must reach d6bc031):
#
#	internal/loadtest/scripts/against-v1.sh
#	BINS="v1 main" ROUNDS=1 internal/loadtest/scripts/against-v1.sh
#	PHASES=idle internal/loadtest/scripts/against-v1.sh   # of: 200 800 idle
set -uo pipefail
repo=$(pwd)
dir=$(mktemp -d)
trap 'kill "${pid:-}" 2>/dev/null; git -C "$repo" worktree remove --force "$dir/v1src" 2>/dev/null; rm -rf "$dir"' EXIT
git worktree add -q --detach "$dir/v1src" d6bc031 || exit 1
(cd "$dir/v1src" && go build -o "$dir/v1" ./cmd/docsurvey) || exit 1
go build -o "$dir/main" ./cmd/docsurvey && go build -o "$dir/load" ./cmd/docsurvey-load &&
	go build -o "$dir/bare" ./internal/loadtest/bare/server || exit 1
ssh-keygen -q -t ed25519 -N '' -f "$dir/hk"
# A port below the ephemeral range (32768 and up on Linux) that the load
# tool's own connections take.
port=${PORT:-$((20000 + RANDOM % 10000))}
limits="--max-sessions 1000 --max-per-ip 1000 --rate-per-ip -1"
# start BIN starts a fresh server (v1, main or bare) on $port; v1 has no
# --max-pending (issue 16 came after it).
start() {
	case $1 in
	v1) "$dir/v1" serve --listen 127.0.0.1:$port --host-key "$dir/hk" $limits 2>/dev/null & ;;
	main) "$dir/main" serve --listen 127.0.0.1:$port --host-key "$dir/hk" $limits --max-pending 1000 2>/dev/null & ;;
	bare) "$dir/bare" -listen 127.0.0.1:$port -host-key "$dir/bare_hk" 2>/dev/null & ;;
	esac
	pid=$!
	until (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; do
		kill -0 "$pid" 2>/dev/null || { echo "the $1 server did not start (port $port taken?)" >&2; exit 1; }
		sleep 0.05
	done
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null; pid=; port=$((port + 1)); sleep 1; }
rounds=$(seq "${ROUNDS:-2}")
on() { [[ " ${PHASES:-200 800 idle} " == *" $1 "* ]]; }
echo "== $(date -u) $(git log --oneline -1) load: $(cat /proc/loadavg)"
on 200 && for round in $rounds; do
	for b in ${BINS:-v1 main bare}; do
		echo "== round $round: $b, 200 at once"
		start "$b"
		"$dir/load" -addr 127.0.0.1:$port -server-pid "$pid" -sessions 200 -keys 10
		stop
	done
done
on 800 && for round in $rounds; do
	for b in ${BINS800:-v1 main}; do
		echo "== round $round: $b, 800 at once"
		start "$b"
		"$dir/load" -addr 127.0.0.1:$port -server-pid "$pid" -sessions 800 -keys 10 -timeout 5m
		stop
	done
done
on idle && for round in $rounds; do
	for b in ${BINS:-v1 main bare}; do
		echo "== round $round: $b, 200 idle"
		start "$b"
		"$dir/load" -addr 127.0.0.1:$port -server-pid "$pid" -sessions 200 -idle -idle-for 10s
		stop
	done
done
echo "== done $(date -u) load: $(cat /proc/loadavg)"
