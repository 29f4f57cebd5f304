"""The correspondence desk under load (`bench.py desk`), on the 1,000,000-person database: the
segment editor's live count (GET /segments/check: the expression checked, counted to the cap and
its first 50 matches, as the script asks after each pause in typing) while another user browses
firm pages; a campaign of 20,000 sent from the browser (the server's own thread) beside the same
campaign sent by `kontakt campaign send`; and the same send from the browser with four progress
streams open. Targets from issue 16: live count p99 <= 100 ms; the browser's sending rate within
10 % of the command line's; the progress stream costs the sender <= 2 %."""
import os
import re
import shutil
import statistics
import subprocess
import threading
import time
import urllib.parse
import urllib.request

from web import log_in, wrk

# What an office manager types, each after a pause: prefixes that check, typos that do not.
TYPED = ["territory = morava", "territory = morava and employees >= 50", "email is not empty and emailConsent",
         "last starts with Nov", "city = Brno", "teritory = morava", "industry in (automotive, it)",
         "has contact where kind = meeting and date >= today - 90d", "role = customer and not territory = praha", "emailConsent and city = Ostrava"]


def desk(bin_dir, work, db, free_port):
    kontakt = os.path.join(bin_dir, "kontakt")
    run = lambda *args: subprocess.run([kontakt, "--db", db, *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    sql = lambda query: subprocess.run(["sqlite3", "-cmd", ".timeout 30000", db, query], capture_output=True, text=True, check=True).stdout.strip()
    password = os.path.join(work, "desk-password")
    with open(password, "w") as out:
        out.write("zatez-heslo-2026\n")
    if sql("SELECT count(*) FROM app_user WHERE login = 'deskadmin'") == "0":
        run("user", "add", "deskadmin", "--referent", "novak", "--role", "admin", "--password-file", password)
    sink_port = free_port()
    sink = subprocess.Popen([shutil.which("smtp-sink") or "/usr/sbin/smtp-sink", "-u", "nobody", f"127.0.0.1:{sink_port}", "256"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    run("config", "set", "smtp.url", f"smtp://127.0.0.1:{sink_port}")
    run("config", "set", "smtp.starttls", "off")
    run("config", "set", "smtp.concurrency", "4")
    outbox = os.path.join(work, "desk-outbox")
    template = os.path.join(work, "desk.md")
    with open(template, "w") as out:
        out.write('---\nsubject: "Novinky pro {{firm.name}}"\nfrom: "Kontakt <novinky@kontakt-demo.cz>"\n---\n{{salutation}},\n\n'
                  'přinášíme Vám přehled novinek za poslední měsíc.\n\nS pozdravem\n{{referent.name}}\n')

    def fresh_campaign(name):
        sql(f"DELETE FROM campaign_recipient WHERE campaign_id IN (SELECT id FROM campaign WHERE name = '{name}'); DELETE FROM campaign WHERE name = '{name}'")
        shutil.rmtree(os.path.join(outbox, name), ignore_errors=True)
        run("campaign", "create", name, "--template", template, "--where", "id <= 20000", "--referent", "novak")
        run("--outbox", outbox, "campaign", "render", name)

    def counts(name):
        # Sent, and those still to go (rendered, in flight, deferred).
        row = sql(f"SELECT sum(state = 'sent'), sum(state IN ('rendered', 'sending', 'deferred')) FROM campaign_recipient r "
                  f"JOIN campaign c ON c.id = r.campaign_id WHERE c.name = '{name}'")
        sent, left = (int(x or 0) for x in row.split("|"))
        return sent, left

    port = free_port()
    env = dict(os.environ, KONTAKT_LOG_LEVEL="warning")
    server = subprocess.Popen([kontakt, "--db", db, "--outbox", outbox, "serve", "--port", str(port)], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, env=env, text=True)
    base = server.stdout.readline().split(" on ")[1].split("/ ")[0]
    rows = []
    try:
        session = log_in(base, "deskadmin", "zatez-heslo-2026")
        cookie = {"Cookie": f"kontakt_session={session}"}

        # The live count while a colleague browses firm pages.
        typed = os.path.join(work, "typed.lua")
        with open(typed, "w") as out:
            out.write("local q = {" + ", ".join('"' + urllib.parse.quote(t) + '"' for t in TYPED) + "}\nlocal i = 0\n"
                      'request = function() i = i % #q + 1\n  return wrk.format("GET", "/segments/check?target=person&expression=" .. q[i]) end\n')
        wrk(base, cookie, seconds=3, script=typed, connections=1)  # warm the page cache
        # One user typing (each check after the last, as the page's script asks them) while a
        # colleague browses firm pages on four connections.
        browsing = {}
        colleague = threading.Thread(target=lambda: browsing.update(zip(("rate", "p50", "p99", "bad"),
                                                                        wrk(base + "/firms/1", cookie, seconds=12, connections=4))))
        colleague.start()
        time.sleep(1)
        rate, p50, p99, bad = wrk(base, cookie, seconds=10, script=typed, connections=1)
        colleague.join()
        rows.append(("live count (check, count to 1,000, first 50), 10 expressions", rate, p50, p99, 100, bad))
        rows.append(("  a colleague's firm page meanwhile (4 connections)", browsing["rate"], browsing["p50"], browsing["p99"], None, browsing["bad"]))

        def wait_for(name, started):
            # Both ways are timed alike: until the journal has nobody left to send (the
            # recipients without an address or consent were skipped when rendered), looked at
            # four times a second by the sqlite3 shell. The rate is of the messages sent.
            while time.time() - started < 300:
                sent, left = counts(name)
                if left == 0 and sent > 0:
                    return sent / (time.time() - started)
                time.sleep(0.25)
            raise RuntimeError(f"campaign {name} did not finish in 300 s")

        def page_send(name, streams=0):
            fresh_campaign(name)
            opener = urllib.request.build_opener()
            page = opener.open(urllib.request.Request(base + f"/campaigns/{name}", headers=cookie)).read().decode()
            csrf = re.search(r'name="_csrf" value="([^"]*)"', page).group(1)
            watchers = [subprocess.Popen(["curl", "-sN", "-H", f"Cookie: kontakt_session={session}", base + f"/campaigns/{name}/progress"],
                                         stdout=subprocess.DEVNULL) for _ in range(streams)]
            started = time.time()
            form = urllib.parse.urlencode({"_csrf": csrf}).encode()
            try:
                opener.open(urllib.request.Request(base + f"/campaigns/{name}/send", data=form, headers={**cookie, "Origin": base}))
            except urllib.error.HTTPError as redirect:
                if redirect.code != 303:
                    raise
            rate = wait_for(name, started)
            for watcher in watchers:
                watcher.terminate()
                watcher.wait()
            return rate

        def cli_send(name):
            fresh_campaign(name)
            started = time.time()
            sender = subprocess.Popen([kontakt, "--db", db, "--outbox", outbox, "campaign", "send", name], stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL)
            rate = wait_for(name, started)
            sender.wait()
            return rate

        cli, browser, streamed = [], [], []
        for attempt in range(3):
            cli.append(cli_send("desk-cli"))
            browser.append(page_send("desk-page"))
            streamed.append(page_send("desk-stream", streams=4))
        rows.append(("campaign to 20,000 persons from the page (server thread), msg/s", statistics.median(browser), None, None, None, 0))
        rows.append(("  the same by kontakt campaign send, msg/s", statistics.median(cli), None, None, None, 0))
        rows.append(("  from the page with 4 progress streams open, msg/s", statistics.median(streamed), None, None, None, 0))
        peak = int(open(f"/proc/{server.pid}/status").read().split("VmHWM:")[1].split()[0]) / 1024
    finally:
        server.terminate()
        server.wait()
        sink.terminate()
        sink.wait()
        shutil.rmtree(outbox, ignore_errors=True)
    return rows, (statistics.median(browser), statistics.median(cli), statistics.median(streamed)), (browser, cli, streamed), peak


def print_table(rows, medians, runs, peak):
    print()
    print(f"{'correspondence desk (1,000,000 persons)'.ljust(62)}  {'rate':>8}  {'p50':>7}  {'p99':>7}  {'target':>6}  {'non-2xx':>7}  verdict")
    print(f"{'-' * 62}  {'-' * 8}  {'-' * 7}  {'-' * 7}  {'-' * 6}  {'-' * 7}  -------")
    for name, rate, p50, p99, goal, bad in rows:
        verdict = "" if goal is None else ("met" if p99 <= goal and bad == 0 else "MISSED")
        latency = f"{p50:5.1f}ms  {p99:5.1f}ms" if p50 is not None else " " * 16
        print(f"{name.ljust(62)}  {rate:8.0f}  {latency}  {goal or '':>6}  {bad:7}  {verdict}")
    browser, cli, streamed = medians
    ratio, cost = browser / cli, 1 - streamed / browser
    print(f"the page's send at {ratio:.1%} of the command line's (target 90-110 %: {'met' if 0.9 <= ratio <= 1.1 else 'MISSED'}); "
          f"four progress streams cost the sender {cost:.1%} (target <= 2 %: {'met' if cost <= 0.02 else 'MISSED'})")
    print("runs (messages/s): page " + ", ".join(f"{r:.0f}" for r in runs[0]) + "; command line " + ", ".join(f"{r:.0f}" for r in runs[1])
          + "; page with streams " + ", ".join(f"{r:.0f}" for r in runs[2]) + f"; server peak {peak:.0f} MiB")
