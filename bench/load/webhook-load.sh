#!/usr/bin/env bash
# Load test of `picket serve`'s audit webhook on loopback: wrk posts EventList batches of a busy
# cluster's audit log at RATE events/s for DURATION seconds while probe.py measures event-to-alert
# latency; afterwards the server's own counter must show every event sent as received.
# Usage: bench/load/webhook-load.sh [RATE] [DURATION] ; needs wrk (apt-get install -y wrk) and python3.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RATE="${1:-10000}"
DURATION="${2:-30}"
PER_BATCH=100
BATCHES=200
THREADS=2
CONNECTIONS=16
PORT="${PORT:-18443}"
WORK="$(mktemp -d)"
export PICKET_TOKEN="load-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"

. "$ROOT/bin/jdk.sh"
picket_find_jdk
"$ROOT/bin/picket" --version >/dev/null # builds the CLI when needed
(cd "$ROOT" && ./mvnw -q -B -ntp -Dmaven.test.skip=true -pl bench -am package)
"$JAVA_HOME/bin/java" -cp "$ROOT/bench/target/picket-bench-0.1.0-SNAPSHOT.jar:$ROOT/bench/target/lib/*" \
  dev.picket.bench.load.WebhookBatches "$WORK/batches" "$BATCHES" "$PER_BATCH"

"$ROOT/bin/picket" serve --port "$PORT" --data "$WORK/data" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break
  sleep 0.5
done
curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null || { echo "server did not start:"; cat "$WORK/server.log"; exit 1; }

received() {
  curl -sf -H "Authorization: Bearer $PICKET_TOKEN" "http://127.0.0.1:$PORT/metrics" \
    | awk '/^picket_events_received_total\{.*source="audit"/ {s += $2} END {printf "%d", s}'
}
before="$(received)"
python3 "$ROOT/bench/load/probe.py" "http://127.0.0.1:$PORT" "$DURATION" 0.5 >"$WORK/probe.txt" &
PROBE=$!
BATCH_DIR="$WORK/batches" BATCHES="$BATCHES" PER_BATCH="$PER_BATCH" RATE="$RATE" THREADS="$THREADS" \
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$ROOT/bench/load/webhook.lua" \
  "http://127.0.0.1:$PORT" | tee "$WORK/wrk.txt"
wait "$PROBE"
cat "$WORK/probe.txt"
sent="$(awk '/^events sent/ {print $3}' "$WORK/wrk.txt")"
probes="$(awk '/^probes/ {print $2}' "$WORK/probe.txt" | tr -d ,)"
# Accepted batches are journaled first and detected after: wait for the backlog to drain.
drain_start=$(date +%s)
after="$(received)"
last_progress=$drain_start
while [ $((after - before)) -lt $((sent + probes)) ] && [ $(( $(date +%s) - last_progress )) -lt 15 ]; do
  sleep 1
  now="$(received)"
  [ "$now" -gt "$after" ] && last_progress=$(date +%s)
  after="$now"
done
drained=$(( $(date +%s) - drain_start ))
echo "server counted $((after - before)) audit events detected; sent $((sent + probes)) (wrk $sent + probes $probes)"
echo "backlog drained in ${drained} s after the load stopped: sustained $(( (after - before) / (DURATION + drained) )) events/s end to end"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
