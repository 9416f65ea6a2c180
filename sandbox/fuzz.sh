#!/usr/bin/env bash
# Runs schemathesis against a sandbox started for the run (usage: fuzz.sh CLASSPATH SCHEMATHESIS). `make fuzz`
# calls it. The sandbox runs with throttling off: the fuzzer sends far more than 100 requests a minute.
set -euo pipefail
classpath="$1"
schemathesis="$2"
cd "$(dirname "$0")/.."

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
export PORT="${FUZZ_PORT:-$(free_port)}"
export DYNAMODB_PORT="${FUZZ_DYNAMODB_PORT:-$(free_port)}"
export SANDBOX_API_KEY="fuzz-demo-primary-key-0123456789abcdef"
export SANDBOX_THROTTLING=off
base="http://127.0.0.1:$PORT"
log="sandbox/target/fuzz-sandbox.log"
mkdir -p sandbox/target

java -cp "$classpath" dev.ticketing.sandbox.SandboxMain >"$log" 2>&1 &
sandbox_pid=$!
trap 'kill "$sandbox_pid" 2>/dev/null; wait "$sandbox_pid" 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  curl -fs "$base/openapi.yaml" >/dev/null 2>&1 && break
  kill -0 "$sandbox_pid" 2>/dev/null || { echo "The sandbox did not start; see $log" >&2; exit 1; }
  sleep 0.5
done

# Ticket 1 exists, so the spec's examples (ticketId 1) reach the handlers and not only their 404s.
curl -fs -o /dev/null -X POST "$base/tickets?key=$SANDBOX_API_KEY" -H 'Content-Type: application/json' \
  --data-binary @sandbox/src/main/resources/reference-examples/create-ticket-1.json

"$schemathesis" --config-file sandbox/schemathesis.toml run "$base/openapi.yaml" \
  --url "$base" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance \
  --max-examples "${FUZZ_EXAMPLES:-50}" \
  --seed "${FUZZ_SEED:-1}" \
  --workers 1 \
  --max-time "${FUZZ_MAX_SECONDS:-600}" \
  --report junit --report-dir sandbox/target/fuzz-report
