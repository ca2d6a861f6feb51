"""The client side of bench/fleet, one subcommand per step; each writes what it measured as JSON for `report`.

fleet            registers the clusters, creates the databases through the API, waits for a probe round
raw-provisioning the provisioning SQL alone on one server: the ceiling of create-to-ready
probe-query      the probe's query alone (taken from PostgresClusterProbe.java), through psql
jfr-samples      reads `jfr print --events jdk.ExecutionSample` on stdin: placement's share of the create samples
big              makes N marked databases on one server, registers it, and reads DAAP's probes of it
report           prints the table
"""

import concurrent.futures
import datetime
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid


SAMPLE_PERIOD_MS = 10  # jdk.ExecutionSample's period in the JDK's profile settings, which bench/fleet uses


def api(base, token):
    def call(method, path, body=None, expect=(200, 201, 202)):
        request = urllib.request.Request(
            base + path, method=method, data=json.dumps(body).encode() if body is not None else None,
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            if error.code in expect:
                return json.loads(error.read() or b"null")
            raise SystemExit(f"{method} {path} answered {error.code}: {error.read()[:500]!r}")
    return call


def wait_ready(base, seconds=180):
    deadline = time.time() + seconds
    while True:
        try:
            urllib.request.urlopen(base + "/health/ready", timeout=2)
            return
        except Exception:
            if time.time() > deadline:
                raise SystemExit(f"DAAP did not become ready within {seconds} s")
            time.sleep(0.2)


def parse_time(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def log(text):
    print(time.strftime("%H:%M:%S ") + text, file=sys.stderr, flush=True)


def fleet(base, token, password, other_ports, count, clients, max_per_cluster, out):
    count, clients = int(count), int(clients)
    wait_ready(base)
    call = api(base, token)
    for slug in ("bench", "team-0"):  # team-0: create-transaction.sql's rows belong to it
        call("POST", "/v1/teams", {"slug": slug, "display_name": slug}, expect=(201, 409))
    # As the issue has it, the clusters have no limits: placement spreads them by database count. With
    # BENCH_MAX_PER_CLUSTER each gets that max_databases, and placement ranks by fullness against it first.
    ports = other_ports.split(",")
    limit = int(max_per_cluster) if int(max_per_cluster) > 0 else None
    if limit is not None:
        call("PATCH", "/v1/clusters/default", {"max_databases": limit})
    for index, port in enumerate(ports, start=2):
        body = {"name": f"pg-{index}", "admin_url": f"postgres://postgres:{password}@127.0.0.1:{port}/postgres"}
        if limit is not None:
            body["max_databases"] = limit
        call("POST", "/v1/clusters", body)
    clusters = [c["name"] for c in call("GET", "/v1/clusters?page_size=500")["items"]]
    log(f"{len(clusters)} clusters: {', '.join(clusters)}, "
        f"{'no limit' if limit is None else f'at most {limit} databases each'}; creating {count} "
        f"databases with {clients} clients")

    next_index = iter(range(count))
    lock = threading.Lock()
    done = []
    started = time.time()

    def client():
        while True:
            with lock:
                index = next(next_index, None)
            if index is None:
                return
            created = call("POST", "/v1/databases",
                           {"name": f"db-{index}", "owner_team": "bench", "purpose": "fleet benchmark"})
            while True:
                body = call("GET", f"/v1/databases/{created['id']}")
                if body["status"] in ("ready", "failed"):
                    break
                time.sleep(0.05)
            with lock:
                done.append(body)
                if len(done) % 500 == 0:
                    log(f"{len(done)} of {count} ready ({time.time() - started:.0f} s)")

    with concurrent.futures.ThreadPoolExecutor(clients) as pool:
        for future in [pool.submit(client) for _ in range(clients)]:
            future.result()
    wall = time.time() - started
    failed = [d for d in done if d["status"] != "ready"]
    latencies = [(parse_time(d["updated_at"]) - parse_time(d["created_at"])).total_seconds() * 1000
                 for d in done if d["status"] == "ready"]

    # A probe round that began after the last database was ready: every cluster checked since then.
    finished = datetime.datetime.now(datetime.timezone.utc)
    deadline = time.time() + 120
    while True:
        listed = call("GET", "/v1/clusters?page_size=500")["items"]
        if all(c["health"]["checked_at"] and parse_time(c["health"]["checked_at"]) > finished
               and c["health"]["status"] == "up" for c in listed):
            break
        if time.time() > deadline:
            raise SystemExit("no probe round saw every cluster up within 120 s of the last create")
        time.sleep(0.5)
    result = {
        "max_per_cluster": limit, "wall_s": wall, "failed": len(failed), "ready": len(latencies),
        "p50_ms": percentile(latencies, 0.5), "p99_ms": percentile(latencies, 0.99),
        "max_ms": max(latencies),
        "clusters": [{"name": c["name"], "databases": c["database_count"], "storage_bytes": c["storage_bytes"],
                      "probe_ms": c["health"]["latency_ms"], "server_version": c["health"]["server_version"]}
                     for c in listed],
    }
    json.dump(result, open(out, "w"), indent=1)
    log(f"{len(latencies)} ready, {len(failed)} failed in {wall:.0f} s")


def psql(binary, port, sql, database="postgres"):
    return subprocess.run([binary, "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-p", str(port), "-d", database,
                           "-c", sql], check=True, capture_output=True, text=True).stdout


def psql_script(binary, port, script):
    subprocess.run([binary, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-p", str(port), "-d", "postgres"],
                   input=script, check=True, capture_output=True, text=True)


def raw_provisioning(binary, port, count, out):
    """What the provisioner asks of PostgreSQL for one database, timed from a client on the same machine."""
    timings = []
    for index in range(int(count)):
        name = f"raw_{index}_{uuid.uuid4().hex[:8]}"
        marker = f"daap:{uuid.uuid4()}"
        started = time.perf_counter()
        psql_script(binary, port, f"""
            CREATE ROLE {name} LOGIN PASSWORD 'raw-{name}' CONNECTION LIMIT 20;
            COMMENT ON ROLE {name} IS '{marker}';
            CREATE DATABASE {name} OWNER {name};
            COMMENT ON DATABASE {name} IS '{marker}';
            REVOKE CONNECT, TEMPORARY ON DATABASE {name} FROM PUBLIC;
            GRANT CONNECT ON DATABASE {name} TO {name};""")
        timings.append((time.perf_counter() - started) * 1000)
        psql_script(binary, port, f"DROP DATABASE {name}; DROP ROLE {name};")
    json.dump({"count": len(timings), "p50_ms": percentile(timings, 0.5), "p99_ms": percentile(timings, 0.99)},
              open(out, "w"), indent=1)


def probe_query_text(java_source):
    text = open(java_source).read()
    match = re.search(r'QUERY\s*=\s*"""\n(.*?)"""', text, re.S)
    if not match:
        raise SystemExit(f"no QUERY text block in {java_source}")
    # Its bind values as a first probe sends them: nothing measured before, and the slice's limit.
    return (match.group(1).replace("cast(? as text[])", "cast('{}' as text[])")
            .replace("limit ?", "limit " + os.environ.get("BENCH_PROBE_SIZES", "50")))


def timed_query(binary, port, sql, rounds=5):
    """Server-side durations of a query, from psql's \\timing, the first run (cold caches) left out."""
    script = "\\timing on\n" + "\n".join([sql.strip().rstrip(";") + ";"] * (rounds + 1))
    output = subprocess.run([binary, "-X", "-q", "-p", str(port), "-d", "postgres", "-o", "/dev/null"],
                            input=script, check=True, capture_output=True, text=True).stdout
    times = [float(t) for t in re.findall(r"Time: ([0-9.]+) ms", output)]
    return times[1:]


def probe_query(binary, port, java_source, out):
    times = timed_query(binary, port, probe_query_text(java_source))
    json.dump({"median_ms": statistics.median(times), "runs_ms": times}, open(out, "w"), indent=1)


def jfr_samples(out):
    """Execution samples (stdin: `jfr print`) under the create handler, and those of them in placement."""
    create = placement = 0
    frames = []
    in_stack = False
    for line in sys.stdin:
        stripped = line.strip()
        if stripped.startswith("stackTrace = ["):
            in_stack, frames = True, []
        elif in_stack and stripped.startswith("]"):
            in_stack = False
            stack = "\n".join(frames)
            if "DatabaseHandler.create(" in stack:
                create += 1
                if ("CreateDatabase.place(" in stack or "CreateDatabase.nameOn(" in stack
                        or "JooqClusters.takePlace(" in stack):
                    placement += 1
        elif in_stack:
            frames.append(stripped)
    json.dump({"create_samples": create, "placement_samples": placement}, open(out, "w"), indent=1)


def big(binary, port, count, base, token, password, java_source, out):
    count = int(count)
    log(f"making {count} databases marked as DAAP's on the new server")
    started = time.time()
    batch = []
    for index in range(count):
        name = f"big_{index}"
        batch.append(f"CREATE DATABASE {name};\nCOMMENT ON DATABASE {name} IS 'daap:{uuid.uuid4()}';")
        if len(batch) == 100 or index == count - 1:
            psql_script(binary, port, "\n".join(batch))
            batch = []
            if (index + 1) % 500 == 0:
                log(f"{index + 1} of {count} ({time.time() - started:.0f} s)")
    query = timed_query(binary, port, probe_query_text(java_source))
    sizes = timed_query(binary, port,
                        "SELECT sum(pg_database_size(oid)) FROM pg_database WHERE datname LIKE 'big%'")
    catalog = timed_query(binary, port,
                          "SELECT count(*) FROM pg_database d WHERE shobj_description(d.oid, 'pg_database') LIKE 'daap:%'")
    call = api(base, token)
    registered = datetime.datetime.now(datetime.timezone.utc)
    call("POST", "/v1/clusters", {"name": "big", "admin_url": f"postgres://postgres:{password}@127.0.0.1:{port}/postgres",
                                  "max_databases": 0})
    seen = {}
    deadline = time.time() + 180
    while len(seen) < 4:  # DAAP's own probes: registration's check, then three rounds
        health = call("GET", "/v1/clusters/big")["health"]
        if health["checked_at"] and parse_time(health["checked_at"]) > registered and health["status"] == "up":
            seen[health["checked_at"]] = health["latency_ms"]
        if time.time() > deadline:
            raise SystemExit(f"DAAP probed the big cluster {len(seen)} times in 180 s")
        time.sleep(0.5)
    probes = list(seen.values())[1:]  # the first: its caches were cold from the query above
    storage = call("GET", "/v1/clusters/big")["storage_bytes"]
    json.dump({"databases": count, "daap_probe_ms": probes, "query_ms": query, "sizes_only_ms": sizes,
               "catalog_only_ms": catalog, "storage_bytes": storage}, open(out, "w"), indent=1)


def report(results, servers, databases, clients, workers, big_count):
    load = lambda name: json.load(open(f"{results}/{name}.json"))
    fleet_, raw, query, samples, big_ = load("fleet"), load("raw"), load("probe-query"), load("samples"), load("big")
    pgbench = {name: statement_latencies(f"{results}/pgbench-{name}.txt")
               for name in ("fleet-placement", "create-transaction")}
    counts = [c["databases"] for c in fleet_["clusters"]]
    even = int(databases) / len(counts)
    spread = max(abs(max(counts) - even), abs(even - min(counts))) / even
    placement_sql = pgbench["fleet-placement"][1]  # the one statement placement sends, between BEGIN and ROLLBACK
    create_sql = sum(pgbench["create-transaction"][1:])   # the create's transaction, its \set left out
    share_jvm = samples["placement_samples"] / max(1, samples["create_samples"])
    # JFR's profile settings sample the threads running Java every 10 ms (up to five threads a period: more
    # than two cores run), so a sample stands for about 10 ms of CPU.
    jvm_ms = samples["placement_samples"] * SAMPLE_PERIOD_MS / int(databases)
    create_jvm_ms = samples["create_samples"] * SAMPLE_PERIOD_MS / int(databases)
    placement_ms = placement_sql + jvm_ms
    version = fleet_["clusters"][0]["server_version"]
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M")
    storage = [c["storage_bytes"] / 1e6 for c in fleet_["clusters"]]
    round_ms = max(c["probe_ms"] for c in fleet_["clusters"])
    big_probe = statistics.median(big_["daap_probe_ms"])
    rows = [
        ("spread: databases per cluster", f"min {min(counts)}, max {max(counts)}",
         f"even {even:.0f}: off by at most {spread * 100:.1f} % ("
         + ("no limits" if fleet_["max_per_cluster"] is None else f"limit {fleet_['max_per_cluster']} each") + ")"),
        ("  storage per cluster (MB, by the probe)", f"min {min(storage):.0f}, max {max(storage):.0f}", ""),
        ("create -> ready p50 / p99 / max (ms)",
         "%.0f / %.0f / %.0f" % (fleet_["p50_ms"], fleet_["p99_ms"], fleet_["max_ms"]),
         "the provisioning SQL alone (psql, one client): p50 %.0f, p99 %.0f" % (raw["p50_ms"], raw["p99_ms"])),
        ("  all ready after (s), failed", "%.0f, %d" % (fleet_["wall_s"], fleet_["failed"]), ""),
        ("placement SQL per create (ms, 1 client)", f"{placement_sql:.3f}",
         f"the create's own transaction: {create_sql:.3f} ms ({placement_sql / create_sql * 100:.0f} % of it)"),
        ("placement in the JVM per create (ms, sampled)", f"{jvm_ms:.3f}",
         "%.1f %% of the create request's JVM time (%d of %d samples; the request: ~%.2f ms)" % (
             share_jvm * 100, samples["placement_samples"], samples["create_samples"], create_jvm_ms)),
        ("probe round (ms): the slowest probe", str(round_ms),
         f"the probe's query alone on a cluster of ~{even:.0f}: {query['median_ms']:.0f} ms"),
        (f"probe of a cluster with {big_count} databases (ms)", "/".join(str(p) for p in big_["daap_probe_ms"]),
         "query alone %.0f, of which pg_database_size %.0f, the catalog %.0f" % (
             statistics.median(big_["query_ms"]), statistics.median(big_["sizes_only_ms"]),
             statistics.median(big_["catalog_only_ms"]))),
    ]
    verdict = lambda ok: "met" if ok else "MISSED"
    lines = [f"bench/fleet {now} UTC: {servers} clusters (PostgreSQL {version}), {databases} databases by {clients} "
             f"clients (each waits for its database), {workers} workers, {subprocess.getoutput('nproc')} cores", "",
             f"{'measure':46} {'value':>24}   ceiling (same run)"]
    lines += [f"{name:46} {value:>24}   {ceiling}".rstrip() for name, value, ceiling in rows]
    lines += ["", "targets (issue 17):",
              f"  spread within 10 % of even               {verdict(spread <= 0.10):7} off by {spread * 100:.1f} %",
              f"  placement adds <= 0.5 ms to a create     {verdict(placement_ms <= 0.5):7} {placement_ms:.3f} ms "
              f"({placement_sql:.3f} SQL + {jvm_ms:.3f} JVM)",
              f"  probe of {big_count} databases <= 200 ms        {verdict(big_probe <= 200):7} {big_probe:.0f} ms "
              f"(median of DAAP's probes)"]
    print("\n".join(lines))


def statement_latencies(path):
    """pgbench -r's per-statement average latencies (ms), in script order."""
    text = open(path).read()
    part = text.split("statement latencies in milliseconds", 1)[-1]
    return [float(match) for match in re.findall(r"^\s+([0-9.]+)\s+\S", part, re.M)]


if __name__ == "__main__":
    command, arguments = sys.argv[1], sys.argv[2:]
    {"fleet": fleet, "raw-provisioning": raw_provisioning, "probe-query": probe_query, "jfr-samples": jfr_samples,
     "big": big, "report": report}[command](*arguments)
