#!/usr/bin/env bash
# The task list over GraphQL against the same SQL through pgbench, in one run, on this machine; and the
# supervision board (the same list with warnings, percent complete and latest reports) against the task list.
# Needs: the machine's PostgreSQL on 127.0.0.1:5432 (user postgres), wrk and pgbench. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${BENCH_DB:-duban_bench}
PORT=${BENCH_PORT:-8090}
DURATION=${BENCH_DURATION:-20s}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
PSQL="psql -h 127.0.0.1 -U postgres -qX"

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
$PSQL -c "drop database if exists $DB" -c "create database $DB"

export QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/$DB
export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB
export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres
export DUBAN_DEMO_ENABLED=true QUARKUS_HTTP_PORT=$PORT
java -jar target/quarkus-app/quarkus-run.jar > target/bench-service.log 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "localhost:$PORT/q/health/ready" > /dev/null && break; sleep 1; done

TOKEN=$(curl -s "localhost:$PORT/graphql" -H 'Content-Type: application/json' \
  -d '{"query":"mutation { login(username: \"admin\", password: \"demo\") { token } }"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
# One wrk script per operation: POST the operation file with {"first": 20} as the admin.
for op in tasks supervision-board; do
  TOKEN="$TOKEN" python3 - "$op" <<'PY'
import json, os, sys
op = sys.argv[1]
body = json.dumps({"query": open(f"graphql/operations/{op}.graphql").read(), "variables": {"first": 20}})
with open(f"target/bench-{op}.lua", "w") as lua:
    lua.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n')
    lua.write(f'wrk.headers["Authorization"] = "Bearer {os.environ["TOKEN"]}"\nwrk.body = [[{body}]]\n')
PY
done

echo "warming up the JVM (on two cores C2 compiles for a minute or more)"
wrk -t2 -c"$CONNECTIONS" -d${BENCH_WARMUP:-90s} -s target/bench-tasks.lua "http://localhost:$PORT/graphql" > /dev/null
wrk -t2 -c"$CONNECTIONS" -d${BENCH_BOARD_WARMUP:-30s} -s target/bench-supervision-board.lua "http://localhost:$PORT/graphql" > /dev/null
echo "== GraphQL: tasks.graphql, first 20 (the 10 demo tasks, 4 batched fields), wrk -t2 -c$CONNECTIONS -d$DURATION"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s target/bench-tasks.lua "http://localhost:$PORT/graphql" | tee target/bench-graphql.txt
echo "== GraphQL: supervision-board.graphql, first 20 (the same tasks with warnings, percent complete, latest reports)"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s target/bench-supervision-board.lua "http://localhost:$PORT/graphql" | tee target/bench-board.txt
kill $SERVICE; wait $SERVICE 2>/dev/null || true

echo "== The same six statements through pgbench, prepared as the service has them, -c$CONNECTIONS -j2 -T${DURATION%s}"
pgbench -h 127.0.0.1 -U postgres -n -M prepared -c"$CONNECTIONS" -j2 -T"${DURATION%s}" -f bench/tasks-page.sql "$DB" | tee target/bench-pgbench.txt

graphql=$(awk '/Requests\/sec/ {print $2}' target/bench-graphql.txt)
sql=$(awk '/^tps/ {print $3}' target/bench-pgbench.txt)
board=$(awk '/Requests\/sec/ {print $2}' target/bench-board.txt)
python3 -c "print(f'GraphQL {float(\"$graphql\"):.0f} req/s; pgbench {float(\"$sql\"):.0f} tps of the same SQL; ratio {float(\"$graphql\")/float(\"$sql\")*100:.1f} %')"
python3 -c "print(f'supervision board {float(\"$board\"):.0f} req/s: {float(\"$board\")/float(\"$graphql\")*100:.1f} % of the task list')"
