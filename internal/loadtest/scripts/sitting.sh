#!/usr/bin/env bash
# sitting.sh: one sitting of the figures of docs/performance.md (issues 11
# and 15): the local first frame against the bare program, presenting to
# 200 followers in process, three replicas through NATS (600 and 200
# followers; needs nats-server on PATH: go install
# github.com/nats-io/nats-server/v2@v2.15.3), 200 SSH sessions at once
# (twice) and 200 idle against the bare server, and 800 at once. Loopback
# only; run from the repository root:
#
#	internal/loadtest/scripts/sitting.sh [REPO] [OUTDIR]
#	PHASES="ff inproc" NATS_N=600 internal/loadtest/scripts/sitting.sh
set -uo pipefail
repo=$(cd "${1:-.}" && pwd)
out=${2:-$(mktemp -d)}
mkdir -p "$out"; cd "$repo"
exec > >(tee "$out/all.log") 2>&1
echo "== $(date -u) $(git log --oneline -1) load: $(cat /proc/loadavg)"
d=$(mktemp -d)
go build -o $d/docsurvey ./cmd/docsurvey && go build -o $d/docsurvey-load ./cmd/docsurvey-load
cd $d
ssh-keygen -q -t ed25519 -N '' -f talk -C presenter
ssh-keygen -q -t ed25519 -N '' -f host_ed25519
waitport() { until (exec 3<>/dev/tcp/127.0.0.1/$1) 2>/dev/null; do sleep 0.05; done; }
on() { [[ " ${PHASES:-ff inproc nats ssh ssh800} " == *" $1 "* ]]; }
if on ff; then echo "== first frame"; (cd "$repo" && go test ./cli -run '^$' -bench FirstFrame -benchtime 40x | grep Bench); fi
if on inproc; then echo "== in-process presenting, 200 followers, tab x20 (2 runs) and tour"
for run in 1 2; do
  ./docsurvey serve --listen 127.0.0.1:23299 --host-key ./host_ed25519 --presenter-key talk.pub \
    --max-sessions 300 --max-per-ip 300 --rate-per-ip -1 --max-pending 300 2>/dev/null & P=$!; waitport 23299
  ./docsurvey-load --addr 127.0.0.1:23299 --presenter-identity talk --sessions 200 --keys 20 --key '\t' \
    --key-interval 300ms --width 100 --height 30 --ramp 5s --frame-timeout 10s --timeout 5m --server-pid $P
  kill $P; wait $P 2>/dev/null
done
./docsurvey serve --listen 127.0.0.1:23299 --host-key ./host_ed25519 --presenter-key talk.pub \
  --max-sessions 300 --max-per-ip 300 --rate-per-ip -1 --max-pending 300 2>/dev/null & P=$!; waitport 23299
./docsurvey-load --addr 127.0.0.1:23299 --presenter-identity talk --sessions 200 --keys 7 --key ' ' \
  --key-interval 300ms --width 100 --height 30 --ramp 5s --frame-timeout 10s --timeout 5m --server-pid $P
kill $P; wait $P 2>/dev/null
fi
if on nats; then echo "== NATS: 3 replicas x 200 followers, then 3 x 67"
for n in ${NATS_N:-600 200}; do
  rm -rf nats-store; nats-server -js -a 127.0.0.1 -p 24222 -sd ./nats-store >/dev/null 2>&1 & NATS=$!; waitport 24222
  for port in 23301 23302 23303; do
    ./docsurvey serve --listen 127.0.0.1:$port --host-key ./host_ed25519 --presenter-key talk.pub \
      --nats nats://127.0.0.1:24222 --max-sessions 250 --max-per-ip 250 --max-pending 250 --rate-per-ip -1 2>/dev/null &
    eval R$port=$!
  done
  waitport 23301; waitport 23302; waitport 23303
  ./docsurvey-load --addr 127.0.0.1:23301 --replicas 127.0.0.1:23302,127.0.0.1:23303 \
    --presenter-identity talk --sessions $n --keys 20 --key '\t' --key-interval 300ms \
    --width 100 --height 30 --ramp 10s --frame-timeout 10s --timeout 5m --server-pid $R23301
  kill $R23301 $R23302 $R23303 $NATS; wait $R23301 $R23302 $R23303 $NATS 2>/dev/null
done
fi
if on ssh; then echo "== SSH load: screen and bare, 200 at once (2 runs), idle 200"
(cd "$repo" && MODES="screen bare" PORT=23410 internal/loadtest/scripts/ssh-renderers.sh 200 200); fi
if on ssh800; then echo "== SSH load: screen, 800 at once"
(cd "$repo" && MODES="screen" IDLE=0 PORT=23411 internal/loadtest/scripts/ssh-renderers.sh 800); fi
echo "== done $(date -u) load: $(cat /proc/loadavg)"
