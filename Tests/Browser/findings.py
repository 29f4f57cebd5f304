"""What a browser path reports to its Swift test: each step with whether it held, and axe-core's
serious and critical violations per page, collected into one JSON object."""

from axe_playwright_python.sync_playwright import Axe

findings = {"steps": [], "axe": {}, "console": []}
axe = Axe()


def step(name, ok, detail=""):
    findings["steps"].append({"name": name, "ok": bool(ok), "detail": str(detail)[:500]})


def audit(page, name):
    results = axe.run(page)
    bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    findings["axe"][name] = [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in bad]
