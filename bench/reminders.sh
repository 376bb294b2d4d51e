#!/usr/bin/env bash
# What one scheduler run costs with many open tasks: the packaged service on the machine's PostgreSQL, the demo
# plan plus BENCH_TASKS generated overdue or upcoming tasks, living from a weekday morning of October 2022.
# Needs: the machine's PostgreSQL on 127.0.0.1:5432 (user postgres). See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${BENCH_DB:-duban_bench_reminders}
PORT=${BENCH_PORT:-8091}
TASKS=${BENCH_TASKS:-2000}
PSQL="psql -h 127.0.0.1 -U postgres -qX"

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests -DskipITs
$PSQL -c "drop database if exists $DB" -c "create database $DB"

export QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/$DB
export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB
export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres
export DUBAN_DEMO_ENABLED=true QUARKUS_HTTP_PORT=$PORT
# 09:00 comes a minute after start; runs every 5 s so that a minute gives a dozen steady-state runs.
java -Dduban.clock.start=2022-10-17T08:59:00+08:00 -Dduban.reminders.every=5s \
  -Dquarkus.log.category.\"org.duban.reminder\".level=DEBUG \
  -jar target/quarkus-app/quarkus-run.jar > target/bench-reminders.log 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "localhost:$PORT/q/health/ready" > /dev/null && break; sleep 1; done

# Tasks due from 1 September to 30 November 2022, each for two of the demo units.
$PSQL -d "$DB" -v tasks="$TASKS" -v spread=91 -f bench/open-tasks.sql
echo "$TASKS tasks added; watching the runs for 90 s"
sleep 90
grep -o 'Reminders: .* ms' target/bench-reminders.log | tee target/bench-reminders.txt
