"""The office manager's correspondence desk in a real browser (Playwright on Debian's chromium):
a segment with a typo shows the checker's caret error as it is typed, completion fills a field
name, the fixed segment counts and is saved; a campaign is created from it, a recipient's message
previewed, rendered and sent to the test's SMTP server while the progress is pushed to the page;
the message is in the person's history; its unsubscribe link, clicked, withdraws consent and a
later campaign skips the person. axe-core checks every page. Prints one JSON object of findings."""

import email
import json
import sys
from email import policy

from findings import audit, findings, step
from playwright.sync_api import sync_playwright

base, login, password, spreadsheet = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]


def desk(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="cs-CZ")
    page = context.new_page()
    # The editor's pages with a deliberate mistake answer 422; those are expected.
    page.on("console", lambda m: findings["console"].append(m.text) if m.type == "error" and "status of 422" not in m.text else None)
    page.goto(base + "/login")
    page.fill("#login", login)
    page.fill("#password", password)
    page.click("button[type=submit]")
    page.wait_for_url("**/day")

    # A segment with a typo: the caret error appears as it is typed, without submitting.
    page.goto(base + "/segments/edit")
    area = page.locator("#segment-expression")
    area.click()
    page.keyboard.type("email is not empty and cty = Brno")
    page.wait_for_selector("#segment-error:not([hidden])", timeout=10000)
    error = page.inner_text("#segment-error")
    step("the typo's error appears as it is typed, at its position", "did you mean \"city\"" in error and "^" in error, error)
    bad = page.locator("#segment-highlight .syn-bad").all_inner_texts()
    step("the wrong word is marked in the expression", bad == ["cty"], bad)
    audit(page, "segment-error")

    # Completion: "terr" offers territory; Tab takes it.
    area.fill("")
    area.click()
    page.keyboard.type("terr")
    page.wait_for_selector("#segment-completion li", timeout=5000)
    offered = page.inner_text("#segment-completion li:first-child")
    page.keyboard.press("Tab")
    step("completion offers the attribute and Tab takes it", offered.startswith("territory") and area.input_value() == "territory ", offered)
    page.keyboard.type("= ")
    page.wait_for_selector("#segment-completion li", timeout=5000)
    values = page.locator("#segment-completion li").all_inner_texts()
    step("after = the code list's values are offered", any("Morava" in v for v in values), values)

    # The fixed expression counts and lists its first matches; saved.
    area.fill("email is not empty and emailConsent")
    page.wait_for_function("() => /\\d/.test(document.getElementById('segment-count').textContent)", timeout=10000)
    count = page.inner_text("#segment-count")
    matches = page.locator("#segment-matches li").count()
    step("the fixed segment counts and shows its first matches", page.locator("#segment-error").is_hidden() and matches > 0, f"{count} / {matches}")
    page.fill("#segment-name", "s-emailem")
    page.click("#segment-save button[type=submit]")
    page.wait_for_url("**/segments/edit?name=s-emailem&saved=1")
    step("the segment is saved", page.locator(".notice").count() == 1, page.url)
    audit(page, "segment-editor")
    page.goto(base + "/segments")
    audit(page, "segments")

    # A campaign from it.
    page.goto(base + "/campaigns/new")
    audit(page, "campaign-new")
    page.fill("#campaign-name", "prosinec")
    page.select_option("#campaign-template", "novinky")
    page.select_option("#campaign-segment", "s-emailem")
    page.click("form.record button[type=submit]")
    page.wait_for_url("**/campaigns/prosinec")
    page.click("form[action='/campaigns/prosinec/render'] button")
    page.wait_for_url("**/campaigns/prosinec?done=rendered")
    rendered = page.inner_text("[data-field=left]")
    step("the campaign is rendered", rendered.isdigit() and int(rendered) > 0, rendered)

    # Preview the first recipient: their salutation and the unsubscribe link.
    page.locator("table.list tbody tr", has_text="připravena").first.locator("a").click()
    page.wait_for_selector("pre.message")
    text = page.inner_text("pre.message")
    step("a recipient's message is previewed with the Czech salutation", text.startswith("Vážen"), text[:80])
    audit(page, "campaign-recipient")
    person_href = page.get_attribute("h1 a", "href")
    eml = page.request.get(page.url + "/message.eml").body()
    message = email.message_from_bytes(eml, policy=policy.default)
    link = str(message["list-unsubscribe"]).split(",")[0].strip().strip("<>")
    step("the message carries a one-click unsubscribe link", link.startswith(base + "/unsubscribe/") and
         str(message["list-unsubscribe-post"]) == "List-Unsubscribe=One-Click", link)

    # Send, watching the progress the server pushes; the page reloads when it ends.
    page.goto(base + "/campaigns/prosinec")
    audit(page, "campaign")
    page.click("#send-button")
    page.wait_for_url("**/campaigns/prosinec?done=started")
    try:
        page.wait_for_function("() => (document.querySelector('[data-field=stateText]') || {}).textContent.indexOf('Hotovo') === 0", timeout=30000)
        state = page.inner_text("[data-field=stateText]")
    except Exception as failure:
        state = "not finished: " + str(failure)
    sent = page.inner_text("[data-field=sent]")
    step("the send's progress reaches Hotovo on the page", state.startswith("Hotovo") and sent == rendered, f"{state} {sent}/{rendered}")

    # The message is in the person's history.
    page.goto(base + person_href)
    timeline = page.inner_text("#timeline")
    step("the e-mail is in the person's timeline", "Novinky pro" in timeline, timeline[:200])

    # The recipient clicks the link in the message: a page with one button, then done.
    visitor = browser.new_context(locale="cs-CZ").new_page()
    visitor.goto(link)
    audit(visitor, "unsubscribe")
    visitor.click("button[type=submit]")
    visitor.wait_for_selector("p[role=status]")
    done = visitor.inner_text("p[role=status]")
    step("the unsubscribe page confirms", done.startswith("Hotovo"), done)
    page.goto(base + person_href)
    timeline = page.inner_text("#timeline")
    step("the unsubscribe is in the person's history", "Unsubscribed from e-mails (campaign prosinec)" in timeline, timeline[:300])

    # A later campaign skips them.
    page.goto(base + "/campaigns/new")
    page.fill("#campaign-name", "leden")
    page.select_option("#campaign-template", "novinky")
    page.fill("#campaign-expression", "email is not empty")
    page.click("form.record button[type=submit]")
    page.wait_for_url("**/campaigns/leden")
    page.click("form[action='/campaigns/leden/render'] button")
    page.wait_for_url("**/campaigns/leden?done=rendered")
    person = person_href.rsplit("/", 1)[1]
    page.goto(base + "/campaigns/leden/recipients/" + person)
    reason = page.inner_text("dl.data")
    step("a later campaign skips the unsubscribed person with the reason", "does not consent" in reason, reason[:200])

    # A Windows-1250 spreadsheet with two bad rows: both errors in the table, then the valid rows.
    page.goto(base + "/import")
    audit(page, "import")
    page.check("input[name=target][value=firms]")
    page.set_input_files("#import-file", spreadsheet)
    page.click("form[action='/import'] button[type=submit]")
    page.wait_for_selector("#import-encoding")
    detected = page.inner_text("#import-encoding") + " " + page.inner_text("#import-delimiter")
    rows = page.locator("#import-problems tbody tr").all_inner_texts()
    step("the upload's encoding and delimiter are detected", detected == "windows-1250 ;", detected)
    step("both bad rows are in the table with their lines", len(rows) == 2 and rows[0].startswith("3") and rows[1].startswith("4"), rows)
    audit(page, "import-check")
    page.click("text=Importovat jen platné řádky")
    page.wait_for_selector("#import-done")
    done = page.inner_text("#import-done")
    step("the valid rows are imported", done.startswith("Importováno 2 / 4"), done)
    context.close()


with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"])
    desk(browser)
    browser.close()

print(json.dumps(findings, ensure_ascii=False))
