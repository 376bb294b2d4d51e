"""What the bench scripts share: shell and psql, the packaged service, GraphQL requests, wrk, resident memory."""
import glob
import json
import os
import re
import subprocess
import threading
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "16")
PG_LOG = os.environ.get("BENCH_PG_LOG") or (sorted(glob.glob("/var/log/postgresql/postgresql-*-main.log")) or [""])[-1]
DUBAN_PORT, PG4_PORT = 8093, 8094
PSQL = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qX", "-v", "ON_ERROR_STOP=1"]
STARTED = []


def sh(*args, **kw):
    done = subprocess.run(args, text=True, **kw)
    if done.returncode:
        raise SystemExit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr or ''}")
    return done


def psql(db, *args):
    return sh(*PSQL, "-d", db, *args, capture_output=True).stdout


def post(port, query, variables=None, token=None):
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    request = urllib.request.Request(f"http://localhost:{port}/graphql", body, {"Content-Type": "application/json"})
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=60) as response:
        answer = json.load(response)
    if answer.get("errors"):
        raise SystemExit(f"{query[:60]}...: {answer['errors']}")
    return answer["data"]


def wait_for(url, seconds=120):
    for _ in range(seconds):
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except Exception:
            time.sleep(1)
    raise SystemExit(f"{url} never answered")


def port_free(port):
    try:
        urllib.request.urlopen(f"http://localhost:{port}/", timeout=2)
    except urllib.error.HTTPError:
        return False
    except Exception:
        return True
    return False


STARTED = []


def copy_of(db, name):
    sh(*PSQL, "-c", f"drop database if exists {name} with (force)", "-c", f"create database {name} template {db}")
    return name


def start_duban(db, port=DUBAN_PORT, log_name=None, jvm=(), ready=True, **settings):
    """The packaged service on database db; settings are environment variables (the scheduler is off unless set)."""
    if not port_free(port):
        raise SystemExit(f"port {port} is taken: stop what listens there first")
    env = dict(os.environ, QUARKUS_DATASOURCE_REACTIVE_URL=f"postgresql://127.0.0.1:5432/{db}",
               QUARKUS_DATASOURCE_JDBC_URL=f"jdbc:postgresql://127.0.0.1:5432/{db}",
               QUARKUS_DATASOURCE_USERNAME="postgres", QUARKUS_DATASOURCE_PASSWORD="postgres",
               DUBAN_DEMO_ENABLED="true", DUBAN_REMINDERS_EVERY="off", QUARKUS_HTTP_PORT=str(port))
    env.update(settings)
    log = open(f"target/{log_name or 'bench-run-' + db}.log", "a")
    service = subprocess.Popen(["java", *jvm, "-jar", "target/quarkus-app/quarkus-run.jar"], env=env, stdout=log,
                               stderr=log)
    STARTED.append(service)
    if ready:
        wait_for(f"http://localhost:{port}/q/health/ready")
    return service


def start_pg4(db):
    if not os.path.exists("target/postgraphile/node_modules/.bin/postgraphile"):
        os.makedirs("target/postgraphile", exist_ok=True)
        sh("npm", "install", "--prefix", "target/postgraphile", "--no-save", "--no-package-lock", "postgraphile@4.14.1",
           capture_output=True)
    log = open(f"target/bench-pg4-{db}.log", "a")
    # In bench/, where it reads postgraphile.tags.json5: names it needs for the schema.
    server = subprocess.Popen(["node", os.path.abspath("target/postgraphile/node_modules/.bin/postgraphile"), "-c",
                               f"postgres://postgres:postgres@127.0.0.1:5432/{db}", "--schema", "public",
                               "--disable-default-mutations", "--disable-query-log", "-b", "--port", str(PG4_PORT)],
                              stdout=log, stderr=log, cwd="bench")
    STARTED.append(server)
    for _ in range(120):
        try:
            post(PG4_PORT, "{ __typename }")
            break
        except Exception:
            time.sleep(1)
    return server


def stop(process):
    process.terminate()
    process.wait(timeout=60)


def login(username, port=DUBAN_PORT):
    return post(port, 'mutation { login(username: "%s", password: "demo") { token } }' % username)["login"]["token"]


def wrk(port, name, query, variables, token, duration, connections=CONNECTIONS):
    """Variables may be a list: each request then takes the next, so writes spread over rows as real ones do."""
    script = f"target/bench-{name}.lua"
    with open(script, "w") as lua:
        lua.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n')
        if token:
            lua.write(f'wrk.headers["Authorization"] = "Bearer {token}"\n')
        if isinstance(variables, list):
            lua.write("bodies = {" + ", ".join("[==[" + json.dumps({"query": query, "variables": v}) + "]==]"
                                              for v in variables) + "}\n")
            lua.write("next_body = math.random(#bodies)\nrequest = function()\n"
                      "  next_body = next_body % #bodies + 1\n  return wrk.format(nil, nil, nil, bodies[next_body])\nend\n")
        else:
            lua.write("wrk.body = [==[" + json.dumps({"query": query, "variables": variables}) + "]==]\n")
        lua.write("done = function(summary, latency, requests)\n"
                  "  io.write(string.format('p50 %.1f p99 %.1f errors %d\\n', latency:percentile(50) / 1000,"
                  " latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect + summary.errors.read"
                  " + summary.errors.write + summary.errors.timeout))\nend\n")
    out = sh("wrk", "-t2", f"-c{connections}", f"-d{duration}", "--timeout", "10s", "-s", script,
             f"http://localhost:{port}/graphql", capture_output=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50, p99, errors = re.search(r"p50 ([\d.]+) p99 ([\d.]+) errors (\d+)", out).groups()
    if int(errors):
        print(f"   {name}: {errors} requests failed or timed out (10 s)", flush=True)
    return rate, float(p50), float(p99)


def settle(db, seconds=120):
    """Waits until no statement runs on db: wrk stops at its deadline, but the requests it leaves behind (three seconds
    each for a count over a million tasks) go on, and would land in the next operation's measurement as its tail."""
    for _ in range(seconds * 4):
        if psql(db, "-Atc", "select count(*) from pg_stat_activity where datname = current_database()"
                            " and state = 'active' and pid <> pg_backend_pid()").strip() == "0":
            return
        time.sleep(0.25)
    raise SystemExit(f"statements still running on {db} after {seconds} s")


def ensure_package():
    if not os.path.exists("target/quarkus-app/quarkus-run.jar"):
        sh("./mvnw", "-B", "-q", "package", "-DskipTests")


def kill_started():
    """Whatever failed, no service is left holding its port."""
    for process in STARTED:
        if process.poll() is None:
            process.kill()


class Resident:
    """The largest resident set size of a process, sampled twice a second."""

    def __init__(self, process):
        self.process, self.largest_kb = process, 0
        threading.Thread(target=self._sample, daemon=True).start()

    def _sample(self):
        while self.process.poll() is None:
            try:
                with open(f"/proc/{self.process.pid}/status") as status:
                    kb = int(re.search(r"VmRSS:\s+(\d+)", status.read()).group(1))
                self.largest_kb = max(self.largest_kb, kb)
            except (OSError, AttributeError):
                pass
            time.sleep(0.5)
