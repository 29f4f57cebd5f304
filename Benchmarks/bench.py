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


def main():
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    sample = os.path.join(BIN, "kontakt-sample")
    rows = []

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

    name_width = max(len(r[0]) for r in rows)
    print()
    print(f"{'benchmark'.ljust(name_width)}  {'median':>9}  {'best':>9}  {'target':>9}  verdict")
    print(f"{'-' * name_width}  {'-' * 9}  {'-' * 9}  {'-' * 9}  -------")
    for name, median, best, goal in rows:
        verdict = "met" if median <= goal else "MISSED"
        print(f"{name.ljust(name_width)}  {median * 1000:7.0f}ms  {best * 1000:7.0f}ms  {goal * 1000:7.0f}ms  {verdict}")
    print(f"\n{os.cpu_count()} cores; figures include process start-up.")


if __name__ == "__main__":
    sys.exit(main())
