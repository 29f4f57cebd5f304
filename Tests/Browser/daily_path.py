"""The salesperson's daily path in a real browser (Playwright on Debian's chromium), and axe-core
on every page. Run by BrowserTests with the server's URL; prints one JSON object of findings,
which the Swift test asserts on. Nothing is downloaded: the browser is /usr/bin/chromium."""

import datetime
import json
import os
import sys

from findings import audit, findings, step
from playwright.sync_api import sync_playwright

base, login, password, firm_id = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
shots = os.environ.get("KONTAKT_SCREENSHOTS")
findings["narrow"] = {}


def shoot(page, name):
    if shots:
        page.screenshot(path=os.path.join(shots, name + ".png"), full_page=False)


def small_targets(page):
    """Controls smaller than 44 px in either direction (visible ones)."""
    return page.evaluate("""() => {
        const selector = 'button, input:not([type=hidden]), select, textarea, summary, header nav a, .record-actions a, table.list td:first-child a, ul.persons a, .pager a, .hits a';
        return [...document.querySelectorAll(selector)].filter(e => {
            const r = e.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) return false;
            const checkbox = e.type === 'checkbox';
            return checkbox ? false : (r.height < 44 || r.width < 44);
        }).map(e => e.outerHTML.slice(0, 120));
    }""")


def daily_path(browser, width, height, prefix):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="cs-CZ")
    page = context.new_page()
    # The filter page with a deliberate mistake answers 422; that one is expected.
    page.on("console", lambda message: findings["console"].append(message.text)
            if message.type == "error" and "status of 422" not in message.text else None)
    page.goto(base + "/firms")
    step(prefix + "login page", "/login" in page.url, page.url)
    if prefix == "":
        audit(page, "login")
        shoot(page, "login")
    page.fill("#login", login)
    page.fill("#password", password)
    page.click("button[type=submit]")
    page.wait_for_url("**/firms")
    step(prefix + "logged in and back to firms", page.url.endswith("/firms"), page.url)

    # Find the firm by a query without diacritics, in the palette (Ctrl+K from anywhere).
    page.keyboard.press("Control+k")
    page.keyboard.type("skoda")
    page.wait_for_selector("#palette li", timeout=5000)
    first = page.inner_text("#palette li:first-child")
    step(prefix + "palette finds Škoda for 'skoda'", "Škoda" in first, first)
    page.keyboard.press("Enter")
    page.wait_for_url("**/firms/" + firm_id)
    step(prefix + "Enter opens the firm", page.url.endswith("/firms/" + firm_id), page.url)

    # Log a call with a next contact; it is on top of the timeline.
    text = ("Telefonát z prohlížeče " + prefix).strip()
    page.select_option("#log-kind", "call")
    page.fill("#log-text", text)
    counter = page.inner_text("#log-text-count")
    step(prefix + "the 250-character counter counts", counter.startswith(str(len(text))), counter)
    page.fill("#log-next-date", datetime.date.today().isoformat())
    page.fill("#log-next-task", ("Nabídka z prohlížeče " + prefix).strip())
    page.click("#log-form button[type=submit]")
    page.wait_for_selector("#timeline li")
    top = page.inner_text("#timeline li:first-child")
    step(prefix + "the call is on top of the timeline", text in top, top)
    if prefix == "":
        # A colleague logs a call on the same firm in another tab: it appears here unreloaded.
        other = context.new_page()
        other.goto(base + "/firms/" + firm_id)
        other.fill("#log-text", "Kolega volal mezitím")
        other.click("#log-form button[type=submit]")
        other.wait_for_selector("#timeline li")
        other.close()
        try:
            page.wait_for_selector("#timeline li:first-child:has-text('Kolega volal mezitím')", timeout=10000)
            announced = page.inner_text("#live-status")
        except Exception as error:
            announced = "not shown: " + str(error)
        step("a colleague's call appears without reloading, announced", announced.startswith("Aktualizováno"), announced)
    if prefix == "":
        audit(page, "firm")
        shoot(page, "firm")
    else:
        findings["narrow"]["firm"] = page.evaluate("() => document.documentElement.scrollWidth")
        findings["narrow"]["firmSmall"] = small_targets(page)

    # The next step is in my day; mark it done.
    page.click("header nav a[href='/day']")
    page.wait_for_url("**/day")
    task = page.locator(".card", has_text=("Nabídka z prohlížeče " + prefix).strip())
    step(prefix + "the task is in my day", task.count() == 1, task.count())
    if prefix == "":
        audit(page, "day")
        shoot(page, "day")
    else:
        findings["narrow"]["day"] = page.evaluate("() => document.documentElement.scrollWidth")
        findings["narrow"]["daySmall"] = small_targets(page)
    task.locator("button", has_text="Hotovo").click()
    page.wait_for_url("**/day?notice=done")
    left = page.locator(".card", has_text=("Nabídka z prohlížeče " + prefix).strip()).count()
    step(prefix + "done, it leaves my day", left == 0, left)

    for path, name in [("/firms", "firms"), ("/firms?where=teritory%3DMorava", "firms-error"), ("/search?q=nova", "search"),
                       ("/firms/" + firm_id + "/edit", "firm-edit"), ("/admin/users", "admin"),
                       ("/admin/codelists", "admin-codelists"), ("/admin/settings", "admin-settings")]:
        page.goto(base + path)
        if prefix == "":
            audit(page, name)
            if name in ("firms", "firms-error"):
                shoot(page, name)
        else:
            findings["narrow"][name] = page.evaluate("() => document.documentElement.scrollWidth")
            findings["narrow"][name + "Small"] = small_targets(page)
    persons = page.goto(base + "/firms/" + firm_id)
    link = page.locator("ul.persons a").first
    if link.count():
        link.click()
        page.wait_for_load_state()
        if prefix == "":
            audit(page, "person")
            shoot(page, "person")
        else:
            findings["narrow"]["person"] = page.evaluate("() => document.documentElement.scrollWidth")
            findings["narrow"]["personSmall"] = small_targets(page)
    # Keyboard alone: the skip link is the first stop and leads to the main content.
    page.goto(base + "/day")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.className")
    step(prefix + "Tab reaches the skip link first", focused == "skip", focused)
    context.close()


with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"])
    daily_path(browser, 1280, 900, "")
    daily_path(browser, 360, 740, "narrow ")
    browser.close()

print(json.dumps(findings, ensure_ascii=False))
