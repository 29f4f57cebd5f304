#!/usr/bin/env python3
"""`make bench`: times the release build of kontakt on generated Czech data and prints a table.

Each figure is the median of several runs of the real command line (process start included).
Benchmarks measure; they do not pass or fail. The targets are those of the issues.
"""
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build", "release")
WORK = os.path.join(ROOT, "Benchmarks", "work")


def run(*args, stdout=subprocess.DEVNULL):
    subprocess.run(args, check=True, stdout=stdout, cwd=ROOT)


def kontakt(db, *args, stdout=subprocess.DEVNULL):
    run(os.path.join(BIN, "kontakt"), "--db", db, *args, stdout=stdout)


def timed(action, runs, prepare=None):
    times = []
    for _ in range(runs):
        if prepare:
            prepare()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def fresh_db(name):
    path = os.path.join(WORK, name)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    run(os.path.join(ROOT, "scripts", "sample-schema.sh"), path)
    return path


def million_persons(sample):
    """The 1,000,000-person database the web and desk sections share, made once per run."""
    db = os.path.join(WORK, "segments.sqlite")
    if not os.path.exists(db):
        run(sample, "database", db, "--firms", "200000", "--persons", "1000000", "--contacts", "2000000")
    return db


def main():
    # `bench.py rendering delivery` runs only those sections (after the 100,000-person base they share).
    only = set(sys.argv[1:])
    wanted = lambda section: not only or section in only
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    sample = os.path.join(BIN, "kontakt-sample")
    rows = []

    # `bench.py web` alone skips the first table (and the 100,000-person base the others share).
    if not only or only - {"web", "segments", "desk"}:
        # 100,000 persons with 4 attributes each, over 2,000 firms.
        big = os.path.join(WORK, "big")
        run(sample, big, "--firms", "2000", "--persons", "100000", "--contacts", "0")
        base = fresh_db("persons-base.sqlite")
        kontakt(base, "import", "firms", os.path.join(big, "firms.csv"))
        target = os.path.join(WORK, "persons.sqlite")

        def copy_base():
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(target + suffix):
                    os.remove(target + suffix)
            shutil.copy(base, target)

        median, best = timed(lambda: kontakt(target, "import", "persons", os.path.join(big, "persons.csv")), 5, copy_base)
        rows.append(("import 100,000 persons (4 attributes each) from CSV", median, best, 2.0))

        with open(os.devnull, "wb") as null:
            median, best = timed(lambda: kontakt(target, "person", "list", "--json", stdout=null), 7)
        rows.append(("person list --json, 100,000 persons, to /dev/null", median, best, 1.0))

        # One firm with 10,000 contacts.
        history = os.path.join(WORK, "history")
        run(sample, history, "--firms", "1", "--persons", "20", "--contacts", "10000", "--single-firm")
        db = fresh_db("history.sqlite")
        for kind in ("firms", "persons", "contacts"):
            kontakt(db, "import", kind, os.path.join(history, kind + ".csv"))
        with open(os.devnull, "wb") as null:
            median, best = timed(lambda: kontakt(db, "firm", "show", "1", "--json", stdout=null), 10)
        rows.append(("firm show --json, a firm with 10,000+ contacts", median, best, 0.1))
        with open(os.devnull, "wb") as null:
            median, best = timed(lambda: kontakt(db, "history", "--firm", "1", "--json", stdout=null), 10)
        rows.append(("history --firm --json, a firm with 10,000+ contacts", median, best, 0.1))

    segment_rows = segmentation(sample) if wanted("segments") else []
    render_rows = campaign_rendering(base=os.path.join(WORK, "persons.sqlite")) if wanted("rendering") else []
    delivery_rows = delivery(base=os.path.join(WORK, "persons.sqlite")) if wanted("delivery") else []
    print_rows = printing(base=os.path.join(WORK, "persons.sqlite")) if wanted("print") else []
    web_rows = None
    if wanted("web"):
        import web
        web_rows = web.web(BIN, WORK, million_persons(sample), free_port)
    desk_rows = None
    if wanted("desk"):
        import desk
        desk_rows = desk.desk(BIN, WORK, million_persons(sample), free_port)

    name_width = max([len(r[0]) for r in rows + segment_rows] + [40])
    print()
    print(f"{'benchmark'.ljust(name_width)}  {'median':>9}  {'best':>9}  {'target':>9}  verdict  {'SQLite':>9}")
    print(f"{'-' * name_width}  {'-' * 9}  {'-' * 9}  {'-' * 9}  -------  {'-' * 9}")
    for name, median, best, goal, *sqlite in rows + segment_rows:
        verdict = "met" if median <= goal else "MISSED"
        hand = f"{sqlite[0] * 1000:7.0f}ms" if sqlite else ""
        print(f"{name.ljust(name_width)}  {median * 1000:7.0f}ms  {best * 1000:7.0f}ms  {goal * 1000:7.0f}ms  {verdict:7}  {hand:>9}")
    print(f"\n{os.cpu_count()} cores; kontakt figures include process start-up (about 10 ms).")
    print("SQLite: the same query written by hand, run by the sqlite3 shell in a fresh process with the same")
    print("memory map; the query's own time (.timer), start-up excluded.")

    print()
    print(f"{'campaign rendering'.ljust(58)}  {'msg/s':>8}  {'target':>8}  {'peak MiB':>8}  {'target':>6}  verdict")
    print(f"{'-' * 58}  {'-' * 8}  {'-' * 8}  {'-' * 8}  {'-' * 6}  -------")
    for name, rate, rate_goal, mib, mib_goal in render_rows:
        met = (rate_goal is None or rate >= rate_goal) and (mib_goal is None or mib <= mib_goal)
        goal = f"{rate_goal:8.0f}" if rate_goal else " " * 8
        limit = f"{mib_goal:6.0f}" if mib_goal else " " * 6
        print(f"{name.ljust(58)}  {rate:8.0f}  {goal}  {mib:8.1f}  {limit}  {('met' if met else 'MISSED') if rate_goal else ''}")
    if len(render_rows) > 3:
        mailmerge = render_rows[3][1]
        print(f"kontakt renders {render_rows[0][1] / mailmerge:.1f}x as many messages per second as mailmerge into a new Outbox on disk,"
              f" {render_rows[1][1] / mailmerge:.1f}x rendering again, {render_rows[2][1] / mailmerge:.1f}x in tmpfs.")

    if print_rows:
        print()
        print(f"{'print'.ljust(58)}  {'median':>9}  {'target':>9}  {'peak MiB':>8}  {'target':>6}  verdict")
        print(f"{'-' * 58}  {'-' * 9}  {'-' * 9}  {'-' * 8}  {'-' * 6}  -------")
        for name, median, goal, mib, mib_goal in print_rows:
            met = median <= goal and mib <= mib_goal
            print(f"{name.ljust(58)}  {median * 1000:7.0f}ms  {goal * 1000:7.0f}ms  {mib:8.1f}  {mib_goal:6.0f}  {'met' if met else 'MISSED'}")

    if web_rows:
        web.print_table(*web_rows)
    if desk_rows:
        desk.print_table(*desk_rows)

    if delivery_rows:
        print()
        print(f"{'delivery to smtp-sink on 127.0.0.1'.ljust(58)}  {'msg/s':>8}  {'beside':>8}  {'ratio':>6}  {'target':>6}  {'peak MiB':>8}  verdict")
        print(f"{'-' * 58}  {'-' * 8}  {'-' * 8}  {'-' * 6}  {'-' * 6}  {'-' * 8}  -------")
        for name, rate, beside, goal, mib in delivery_rows:
            ratio = rate / beside if beside else None
            met = ratio is not None and ratio >= goal and (mib is None or mib <= 64)
            print(f"{name.ljust(58)}  {rate:8.0f}  {beside or 0:8.0f}  {ratio or 0:6.2f}  {goal:6.2f}  {mib or 0:8.1f}  {'met' if met else 'MISSED'}")
        print("beside: smtp-source -d -s N (Postfix) sending a message of the same size to the same sink, in the same run;")
        print("for the mailmerge row, kontakt's 4-connection rate beside mailmerge's (target 25x). Peak memory target 64 MiB.")


def timed_rss(args, runs):
    """Median wall time and the largest peak RSS (MiB) of a command, via /usr/bin/time.

    `args` is a list, or a function of the run's number giving the list."""
    times, peaks = [], []
    for run_number in range(runs):
        command = args(run_number) if callable(args) else args
        start = time.perf_counter()
        done = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
        peaks.append(int(done.stderr.strip().splitlines()[-1]) / 1024)
    return statistics.median(times), max(peaks)


def campaign_rendering(base):
    """The newsletter template for 100,000 persons, written to the Outbox; mailmerge beside it."""
    db = os.path.join(WORK, "campaign.sqlite")
    shutil.copy(base, db)
    kontakt(db, "campaign", "create", "newsletter", "--template", "Templates/newsletter.md", "--where", "id > 0", "--referent", "novak")
    rows = []
    render = [os.path.join(BIN, "kontakt"), "--db", db, "campaign", "render", "newsletter"]
    disk = os.path.join(WORK, "Outbox")
    # A first rendering creates every file: each run writes into an Outbox of its own.
    median, peak = timed_rss(lambda run_number: render[:3] + ["--outbox", f"{disk}-{run_number}"] + render[3:], 3)
    rows.append(("campaign render newsletter, 100,000 → new Outbox on disk", 100_000 / median, 15_000, peak, 64))
    # Rendering again overwrites the same files in place.
    median, peak = timed_rss(render[:3] + ["--outbox", f"{disk}-0"] + render[3:], 3)
    rows.append(("campaign render again, 100,000 → same Outbox on disk", 100_000 / median, 15_000, peak, 64))
    tmpfs = "/dev/shm/kontakt-bench-outbox"
    median, peak = timed_rss(render[:3] + ["--outbox", tmpfs] + render[3:], 3)
    rows.append(("campaign render newsletter, 100,000 → Outbox in tmpfs", 100_000 / median, 15_000, peak, 64))
    for run_number in range(3):
        shutil.rmtree(f"{disk}-{run_number}", ignore_errors=True)
    shutil.rmtree(tmpfs, ignore_errors=True)
    # awdeorio/mailmerge 2.3.0 on the same content (Markdown to text and HTML) for 10,000 of them.
    csv_path = os.path.join(WORK, "mailmerge.csv")
    with open(csv_path, "w") as out:
        subprocess.run(["sqlite3", "-csv", "-header", db, "SELECT p.first, p.last, p.email, f.name AS firm FROM person p "
                        "JOIN firm f ON f.id = p.firm_id WHERE p.email IS NOT NULL ORDER BY p.id LIMIT 10000"], stdout=out, check=True)
    folder = os.path.join(ROOT, "Benchmarks", "mailmerge")
    if shutil.which("mailmerge"):
        median, peak = timed_rss(["mailmerge", "--template", os.path.join(folder, "newsletter.txt"), "--database", csv_path,
                                  "--config", os.path.join(folder, "server.conf"), "--dry-run", "--no-limit", "--output-format", "raw"], 1)
        rows.append(("mailmerge 2.3.0 --dry-run --no-limit, 10,000, same Markdown", 10_000 / median, None, peak, None))
    else:
        print("mailmerge is not installed (pip install mailmerge==2.3.0): its comparison row is left out")
    return rows


def printing(base):
    """30,000 address labels on 3 × 8 sheets, and 10,000 letters, from a person segment, each into one PDF."""
    pdf = os.path.join(WORK, "labels.pdf")
    median, peak = timed_rss([os.path.join(BIN, "kontakt"), "--db", base, "labels", "--where", "id <= 30000", "--sheet", "3x8-70x37",
                              "--out", pdf], 3)
    rows = [("labels --where … --sheet 3x8-70x37, 30,000 labels, 1,250 pages", median, 5.0, peak, 200)]
    # 10,000 one-page letters of Templates/dopis.md, each logged as a contact (--no-log would skip that).
    db = os.path.join(WORK, "letters.sqlite")
    letters = os.path.join(WORK, "letters.pdf")

    def fresh():
        shutil.copy(base, db)
    times, peaks = [], []
    for _ in range(3):
        fresh()
        median_one, peak_one = timed_rss([os.path.join(BIN, "kontakt"), "--db", db, "letters", "Templates/dopis.md", "--where", "id <= 10000",
                                          "--referent", "novak", "--sender", "Kontakt Demo s.r.o.|Vinohradská 12|120 00  Praha 2", "--out", letters], 1)
        times.append(median_one)
        peaks.append(peak_one)
    rows.append(("letters Templates/dopis.md, 10,000 one-page letters, logged", statistics.median(times), 10.0, max(peaks), 200))
    return rows


def free_port():
    import socket
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def delivery(base):
    """20,000 recipients of the newsletter sent to Postfix's smtp-sink, with 1 and 4 connections, beside
    smtp-source at equal connections; and mailmerge 2.3.0 sending 5,000 of them to the same sink."""
    sink_binary = shutil.which("smtp-sink") or "/usr/sbin/smtp-sink"
    if not os.path.exists(sink_binary):
        print("smtp-sink is not installed (Debian package postfix, daemon not started): the delivery rows are left out")
        return []
    port = free_port()
    sink = subprocess.Popen([sink_binary, "-u", "nobody", f"127.0.0.1:{port}", "256"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.3)
    rows = []
    try:
        size = 0
        for connections in (1, 4):
            db = os.path.join(WORK, f"send-{connections}.sqlite")
            outbox = os.path.join(WORK, f"send-outbox-{connections}")
            shutil.copy(base, db)
            kontakt(db, "campaign", "create", "newsletter", "--template", "Templates/newsletter.md", "--where", "id <= 20000", "--referent", "novak")
            render_start = time.perf_counter()
            kontakt(db, "--outbox", outbox, "campaign", "render", "newsletter")
            render_time = time.perf_counter() - render_start
            folder = os.path.join(outbox, "newsletter")
            files = [name for name in os.listdir(folder) if name.endswith(".eml")]
            size = sum(os.path.getsize(os.path.join(folder, name)) for name in files) // len(files)
            send, peak = timed_rss([os.path.join(BIN, "kontakt"), "--db", db, "--outbox", outbox, "campaign", "send", "newsletter",
                                    "--smtp", f"smtp://127.0.0.1:{port}", "--starttls", "off", "--concurrency", str(connections)], 1)
            source_start = time.perf_counter()
            subprocess.run(["smtp-source", "-d", "-s", str(connections), "-m", "20000", "-l", str(size), "-f", "novinky@kontakt-demo.cz",
                            "-t", "test@kontakt-demo.cz", f"127.0.0.1:{port}"], check=True)
            source = 20_000 / (time.perf_counter() - source_start)
            rows.append((f"campaign send newsletter, 20,000, {connections} connection{'s' if connections > 1 else ''}", 20_000 / send, source, 0.8, peak))
            rows.append((f"  render + send (merge, MIME, journal, contact log)", 20_000 / (render_time + send), source, 0.8, None))
            shutil.rmtree(outbox, ignore_errors=True)
        if shutil.which("mailmerge"):
            csv_path = os.path.join(WORK, "mailmerge-send.csv")
            with open(csv_path, "w") as out:
                subprocess.run(["sqlite3", "-csv", "-header", base, "SELECT p.first, p.last, p.email, f.name AS firm FROM person p "
                                "JOIN firm f ON f.id = p.firm_id WHERE p.email IS NOT NULL ORDER BY p.id LIMIT 5000"], stdout=out, check=True)
            config = os.path.join(WORK, "mailmerge-server.conf")
            with open(config, "w") as out:
                out.write(f"[smtp_server]\nhost = 127.0.0.1\nport = {port}\nsecurity = Never\nusername = None\n")
            started = time.perf_counter()
            subprocess.run(["mailmerge", "--template", os.path.join(ROOT, "Benchmarks", "mailmerge", "newsletter.txt"), "--database", csv_path,
                            "--config", config, "--no-dry-run", "--no-limit", "--output-format", "raw"],
                           stdout=subprocess.DEVNULL, check=True, cwd=WORK)
            mailmerge = 5_000 / (time.perf_counter() - started)
            four = rows[2][1]
            rows.append((f"mailmerge 2.3.0 sending 5,000 ({mailmerge:.0f} msg/s) beside kontakt, 4 connections", four, mailmerge, 25, None))
    finally:
        sink.terminate()
        sink.wait()
    return rows


def sqlite_time(db, sql, runs=7):
    """Median query time of the sqlite3 shell, a fresh process per run, output discarded."""
    times = []
    script = f"PRAGMA mmap_size = 2147418112;\n.output /dev/null\n.timer on\n{sql};\n"
    for _ in range(runs):
        out = subprocess.run(["sqlite3", db], input=script, capture_output=True, text=True, check=True).stdout
        real = [line for line in out.splitlines() if line.startswith("Run Time:")][-1]
        times.append(float(real.split()[3]))
    return statistics.median(times)


def segmentation(sample):
    """200,000 firms (10 attributes), 1,000,000 persons (3), 2,000,000 contacts."""
    db = os.path.join(WORK, "segments.sqlite")
    start = time.perf_counter()
    run(sample, "database", db, "--firms", "200000", "--persons", "1000000", "--contacts", "2000000")
    print(f"generated the segmentation database in {time.perf_counter() - start:.0f} s")
    ids = dict(line.split("|") for line in subprocess.run(
        ["sqlite3", db, "SELECT entity || '.' || name, 'a' || id FROM attribute_definition"],
        capture_output=True, text=True, check=True).stdout.split())
    territory, industry, employees, rating = ids["firm.territory"], ids["firm.industry"], ids["firm.employees"], ids["firm.rating"]
    three = "territory = morava and industry in (automotive, strojirenstvi) and employees >= 50"
    history = three + " and has contact where kind = meeting and date >= today - 90d"
    wide = "industry in (automotive, it) and rating >= 4"
    firms3 = f"SELECT firm_id FROM firm_values WHERE {territory} = 'morava' AND {industry} IN ('automotive', 'strojirenstvi') AND {employees} >= 50"
    since = subprocess.run(["date", "-d", "-90 days", "+%Y-%m-%d"], capture_output=True, text=True).stdout.strip()
    meeting = f"EXISTS (SELECT 1 FROM contact c WHERE c.person_id = p.id AND c.status = 'contact' AND c.kind = 'meeting' AND c.date >= '{since}')"
    values = ", ".join(f"pv.{column}" for name, column in ids.items() if name.startswith("person."))
    full = f"SELECT p.*, f.name, {values} FROM person p JOIN firm f ON f.id = p.firm_id JOIN person_values pv ON pv.person_id = p.id"
    firms_wide = f"SELECT firm_id FROM firm_values WHERE {industry} IN ('automotive', 'it') AND {rating} >= 4"

    rows = []
    def measure(label, args, goal, sql, runs=9):
        with open(os.devnull, "wb") as null:
            median, best = timed(lambda: kontakt(db, *args, stdout=null), runs)
        rows.append((label, median, best, goal, sqlite_time(db, sql)))

    with open(os.devnull, "wb") as null:
        median, best = timed(lambda: kontakt(db, "segment", "preview", "id = 0", "--count", stdout=null), 9)
    rows.append(("(start-up: segment --count 'id = 0', to subtract)", median, best, 0.03, sqlite_time(db, "SELECT COUNT(*) FROM person WHERE id = 0")))
    measure("segment --count, 3 firm attributes (34k persons)", ["segment", "preview", three, "--count"], 0.03,
            f"SELECT COUNT(*) FROM person p WHERE p.firm_id IN ({firms3})")
    measure("segment --count --firms, 3 firm attributes (6.8k firms)", ["segment", "preview", three, "--count", "--firms"], 0.03,
            f"SELECT COUNT(*) FROM ({firms3})")
    measure("segment --count, 3 attributes + has contact where …", ["segment", "preview", history, "--count"], 0.1,
            f"SELECT COUNT(*) FROM person p WHERE p.firm_id IN ({firms3}) AND {meeting}")
    measure("segment preview --json, first 50 of 34k persons", ["segment", "preview", three, "--limit", "50", "--json"], 0.1,
            f"{full} WHERE p.firm_id IN ({firms3}) ORDER BY p.sort_key, p.id LIMIT 50")
    measure("person list --where … --json, 99k persons to /dev/null", ["person", "list", "--where", wide, "--json"], 1.0,
            f"{full} WHERE p.firm_id IN ({firms_wide}) ORDER BY p.sort_key, p.id", runs=5)
    # Issue 7's reports over all 2,000,000 contacts. They read the running summaries the triggers
    # keep (contact_tally, deal_progress); the SQLite column is the same figure computed from
    # the contact log itself, which is what the summaries save.
    success = "result IN (SELECT code FROM code_value WHERE list = 'result' AND outcome = 'success')"
    per_firm = f"SELECT firm_id, min(date), min(CASE WHEN {success} THEN date END), count(CASE WHEN {success} THEN 1 END) FROM contact WHERE status = 'contact' GROUP BY firm_id"
    measure("report referents, 2,000,000 contacts", ["report", "referents"], 0.5,
            "SELECT c.referent, c.kind, c.status, c.result, c.done_at IS NULL, COUNT(*) FROM contact c GROUP BY 1, 2, 3, 4, 5", runs=5)
    measure("report time-to-deal, 200,000 firms", ["report", "time-to-deal"], 0.5,
            f"SELECT firm_id, referent, min(date), min(CASE WHEN {success} THEN date END) FROM contact WHERE status = 'contact' GROUP BY firm_id, referent", runs=5)
    measure("report loss-reasons", ["report", "loss-reasons"], 0.5,
            "SELECT referent, result, COUNT(*) FROM contact WHERE status = 'contact' AND result IN (SELECT code FROM code_value WHERE outcome = 'failure') GROUP BY 1, 2", runs=5)
    measure("report conversion --by industry (prospects)", ["report", "conversion", "--by", "industry"], 0.5,
            f"SELECT fv.{industry}, COUNT(*) FROM ({per_firm}) d JOIN firm_values fv ON fv.firm_id = d.firm_id GROUP BY 1", runs=5)
    measure("report conversion --by employees --bands", ["report", "conversion", "--by", "employees", "--bands", "0,10,50,250"], 0.5,
            f"SELECT fv.{employees} >= 10, COUNT(*) FROM ({per_firm}) d JOIN firm_values fv ON fv.firm_id = d.firm_id GROUP BY 1", runs=5)
    measure("report sources --all-firms", ["report", "sources", "--all-firms"], 0.5,
            f"SELECT fv.{ids['firm.source']}, COUNT(*) FROM ({per_firm}) d JOIN firm_values fv ON fv.firm_id = d.firm_id GROUP BY 1", runs=5)
    measure("report referents --where (6.8k firms)", ["report", "referents", "--where", three], 0.5,
            f"SELECT c.referent, c.kind, COUNT(*) FROM contact c WHERE c.firm_id IN ({firms3}) GROUP BY 1, 2", runs=5)
    return rows


if __name__ == "__main__":
    sys.exit(main())
