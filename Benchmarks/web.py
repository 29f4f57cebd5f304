"""The web workspace under load (`bench.py web`): wrk with 16 connections against the firm list
(50 rows, a segment filter), the page of a firm with 10,000 contacts, the search box, and logging
contacts over HTTP while a campaign sends in another process; the server's resident memory.
Targets from issue 15: p99 <= 50 ms and >= 500 requests/s for the pages, search p99 <= 20 ms,
logging a contact p99 <= 30 ms while a campaign sends, resident memory <= 100 MiB."""
import http.cookiejar
import os
import re
import shutil
import subprocess
import time
import urllib.parse
import urllib.request

SEGMENT = "territory = morava and employees >= 50"


def resident_mib(pid, field):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def parse_wrk(text):
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    def latency(label):
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value if unit == "ms" else value * 1000
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return rate, latency("50"), latency("99"), int(errors.group(1)) if errors else 0


def wrk(url, headers, seconds=10, script=None, connections=16):
    args = ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for name, value in headers.items():
        args += ["-H", f"{name}: {value}"]
    if script:
        args += ["-s", script]
    return parse_wrk(subprocess.run(args + [url], capture_output=True, text=True, check=True).stdout)


def log_in(base, login, password):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/login").read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]*)"', page).group(1)
    form = urllib.parse.urlencode({"_csrf": csrf, "login": login, "password": password}).encode()
    opener.open(urllib.request.Request(base + "/login", data=form, headers={"Origin": base}))
    return next(c.value for c in jar if c.name == "kontakt_session")


def web(bin_dir, work, db, free_port):
    kontakt = os.path.join(bin_dir, "kontakt")
    run = lambda *args, **kw: subprocess.run([kontakt, "--db", db, *args], check=True, stdout=subprocess.DEVNULL, **kw)
    count = lambda sql: int(subprocess.run(["sqlite3", db, sql], capture_output=True, text=True, check=True).stdout.strip() or 0)
    # A firm with 10,000 contacts more (firm 1), logged by the referents in turn over ten years.
    if count("SELECT count(*) FROM contact WHERE firm_id = 1") < 10_000:
      subprocess.run(["sqlite3", db, """
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
        INSERT INTO contact(firm_id, person_id, date, status, kind, referent, result, text, created_at, updated_at)
        SELECT 1, (SELECT min(id) FROM person WHERE firm_id = 1), date('2016-01-01', '+' || (i * 365 / 1000) || ' days'), 'contact',
               CASE i % 3 WHEN 0 THEN 'call' WHEN 1 THEN 'meeting' ELSE 'email' END,
               CASE i % 2 WHEN 0 THEN 'novak' ELSE 'svobodova' END, CASE WHEN i % 7 = 0 THEN 'promise' END,
               'Kontakt číslo ' || i || ' s firmou', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM n"""], check=True)
    password = os.path.join(work, "web-password")
    with open(password, "w") as out:
        out.write("zatez-heslo-2026\n")
    if count("SELECT count(*) FROM app_user WHERE login = 'bench'") == 0:
        run("user", "add", "bench", "--referent", "novak", "--role", "sales", "--password-file", password)
    token = subprocess.run([kontakt, "--db", db, "user", "token", "bench"], capture_output=True, text=True, check=True).stdout.strip()

    # The campaign that sends while contacts are logged: 20,000 recipients to smtp-sink.
    sink_binary = shutil.which("smtp-sink") or "/usr/sbin/smtp-sink"
    sink_port = free_port()
    sink = subprocess.Popen([sink_binary, "-u", "nobody", f"127.0.0.1:{sink_port}", "256"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    outbox = os.path.join(work, "web-outbox")
    template = os.path.join(work, "zatez.md")
    with open(template, "w") as out:
        out.write('---\nsubject: "Novinky pro {{firm.name}}"\nfrom: "Kontakt <novinky@kontakt-demo.cz>"\n---\n{{salutation}},\n\n'
                  'přinášíme Vám přehled novinek za poslední měsíc.\n\nS pozdravem\n{{referent.name}}\n')
    subprocess.run(["sqlite3", db, "DELETE FROM campaign_recipient WHERE campaign_id IN (SELECT id FROM campaign WHERE name = 'zatez');"
                    "DELETE FROM campaign WHERE name = 'zatez'"], check=False)
    shutil.rmtree(outbox, ignore_errors=True)
    run("campaign", "create", "zatez", "--template", template, "--where", "id <= 20000", "--referent", "novak")
    run("--outbox", outbox, "campaign", "render", "zatez")

    port = free_port()
    env = dict(os.environ, KONTAKT_LOG_LEVEL="warning")
    server = subprocess.Popen([kontakt, "--db", db, "serve", "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    base = server.stdout.readline().split(" on ")[1].split("/ ")[0]
    rows = []
    try:
        session = log_in(base, "bench", "zatez-heslo-2026")
        cookie = {"Cookie": f"kontakt_session={session}"}
        listing = "/firms?" + urllib.parse.urlencode([("where", SEGMENT), ("col", "city"), ("col", "attr:industry"), ("col", "roles")])
        wrk(base + listing, cookie, seconds=3)  # warm the page cache
        rate, p50, p99, bad = wrk(base + listing, cookie)
        rows.append(("firm list, 50 rows, segment filter", rate, p50, p99, 500, 50, bad))
        wrk(base + "/firms/1", cookie, seconds=3)
        rate, p50, p99, bad = wrk(base + "/firms/1", cookie)
        rows.append(("firm page, 10,000 contacts (25 on the page)", rate, p50, p99, 500, 50, bad))
        search = os.path.join(work, "search.lua")
        with open(search, "w") as out:
            out.write('local q = {"nov", "dvorak", "svobod", "602", "praha", "strojirna", "jana", "info%40", "420%206", "pokorn"}\n'
                      'local i = 0\nrequest = function() i = i % #q + 1\n'
                      '  return wrk.format("GET", "/api/v1/search?q=" .. q[i]) end\n')
        rate, p50, p99, bad = wrk(base, {"Authorization": f"Bearer {token}"}, script=search)
        rows.append(("search (10 queries in turn, JSON)", rate, p50, p99, None, 20, bad))

        post = os.path.join(work, "post.lua")
        with open(post, "w") as out:
            out.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                      'wrk.body = \'{"firmId": 2, "kind": "call", "text": "Zátěžový hovor"}\'\n')
        sender = subprocess.Popen([kontakt, "--db", db, "--outbox", outbox, "campaign", "send", "zatez", "--smtp", f"smtp://127.0.0.1:{sink_port}",
                                   "--starttls", "off", "--concurrency", "4"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1)
        rate, p50, p99, bad = wrk(base + "/api/v1/contacts", {"Authorization": f"Bearer {token}"}, seconds=8, script=post)
        still_sending = sender.poll() is None
        sender.wait()
        sent = subprocess.run(["sqlite3", db, "SELECT count(*) FROM campaign_recipient r JOIN campaign c ON c.id = r.campaign_id WHERE c.name = 'zatez' AND r.state = 'sent'"],
                              capture_output=True, text=True).stdout.strip()
        rows.append((f"log a contact (POST) while a campaign sends{'' if still_sending else ' (send ended early)'}", rate, p50, p99, None, 30, bad))
        peak = resident_mib(server.pid, "VmHWM")
        now = resident_mib(server.pid, "VmRSS")
    finally:
        server.terminate()
        server.wait()
        sink.terminate()
        sink.wait()
        shutil.rmtree(outbox, ignore_errors=True)
    return rows, peak, now, sent


def print_table(rows, peak, now, sent):
    print()
    print(f"{'web workspace (wrk, 16 connections, 10 s)'.ljust(50)}  {'req/s':>7}  {'target':>6}  {'p50':>7}  {'p99':>7}  {'target':>6}  {'non-2xx':>7}  verdict")
    print(f"{'-' * 50}  {'-' * 7}  {'-' * 6}  {'-' * 7}  {'-' * 7}  {'-' * 6}  {'-' * 7}  -------")
    for name, rate, p50, p99, rate_goal, p99_goal, bad in rows:
        met = (rate_goal is None or rate >= rate_goal) and p99 <= p99_goal and bad == 0
        goal = f"{rate_goal:6d}" if rate_goal else " " * 6
        print(f"{name.ljust(50)}  {rate:7.0f}  {goal}  {p50:5.1f}ms  {p99:5.1f}ms  {p99_goal:4d}ms  {bad:7d}  {'met' if met else 'MISSED'}")
    print(f"server resident memory: peak {peak:.1f} MiB, {now:.1f} MiB after the runs (target 100 MiB): {'met' if peak <= 100 else 'MISSED'};"
          f" the campaign sent {sent} messages during the POST run")
