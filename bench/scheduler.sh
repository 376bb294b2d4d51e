#!/usr/bin/env bash
# Does a request wait for the scheduler? A light query ({ me { username } }) under wrk, with the scheduler planning
# BENCH_TASKS open tasks every BENCH_EVERY, then with the scheduler off, on the same data; and each run's time.
# Needs: the machine's PostgreSQL on 127.0.0.1:5432 (user postgres) and wrk. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${BENCH_DB:-duban_bench_scheduler}
PORT=${BENCH_PORT:-8092}
TASKS=${BENCH_TASKS:-200000}
EVERY=${BENCH_EVERY:-10s}
DURATION=${BENCH_DURATION:-30s}
JAR=${BENCH_JAR:-target/quarkus-app/quarkus-run.jar}
PSQL="psql -h 127.0.0.1 -U postgres -qX"

[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests -DskipITs
$PSQL -c "drop database if exists $DB" -c "create database $DB"
export QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/$DB
export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB
export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres
export DUBAN_DEMO_ENABLED=true QUARKUS_HTTP_PORT=$PORT

start() { # $1: how often the scheduler runs (off: never)
  java -Xmx512m -Dduban.clock.start=2022-10-17T09:00:30+08:00 -Dduban.reminders.every="$1" \
    -Dquarkus.log.category.\"org.duban.schedule\".level=DEBUG -jar "$JAR" > "target/bench-scheduler-$1.log" 2>&1 &
  SERVICE=$!
  for _ in $(seq 1 90); do curl -sf "localhost:$PORT/q/health/ready" > /dev/null && return; sleep 1; done
  echo "service not ready" >&2; exit 1
}
stop() { kill "$SERVICE"; wait "$SERVICE" 2>/dev/null || true; }
trap 'kill $SERVICE 2>/dev/null || true' EXIT

start off
$PSQL -d "$DB" -v tasks="$TASKS" -v spread=200 -f bench/open-tasks.sql
TOKEN=$(curl -s "localhost:$PORT/graphql" -H 'Content-Type: application/json' \
  -d '{"query":"mutation { login(username: \"admin\", password: \"demo\") { token } }"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
cat > target/bench-me.lua <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $TOKEN"
wrk.body = '{"query": "{ me { username } }"}'
LUA
stop

for every in off "$EVERY"; do
  start "$every"
  wrk -t2 -c16 -d30s -s target/bench-me.lua "http://localhost:$PORT/graphql" > /dev/null # warm-up
  echo "== { me { username } }, scheduler every $every, $TASKS generated open tasks"
  wrk -t2 -c16 -d"$DURATION" --latency -s target/bench-me.lua "http://localhost:$PORT/graphql" | tee "target/bench-scheduler-wrk-$every.txt"
  stop
done
echo "== scheduler runs (the first writes the morning's reminders, later ones find nothing new)"
grep -o 'Reminders: .* ms' "target/bench-scheduler-$EVERY.log" | head -20
