// The reports through the built binary: CSV and JSON compared exactly, the HTML pages parsed as
// XML (they are written well-formed) and one of them rendered by headless Chromium to a PNG
// whose pixels are read back, and printed by it to a PDF that pypdf reads.

import Foundation
import TestSupport
import Testing

@Suite struct ReportSessionTests {
    /// Alfa (prospect, web): call 1 Jan, contract 11 Jan (+10 d), order 1 Mar; svobodova's refusal 5 Jan.
    /// Beta (prospect, veletrh): contract on the first contact 1 Feb. Gama (prospect, web): call 10 Jan, price 9 Feb.
    func database() throws -> Session {
        let s = try Session()
        try s.ok("init")
        try s.ok("referent", "add", "novak", "--name", "Jan Novák")
        try s.ok("referent", "add", "svobodova", "--name", "Eva Svobodová")
        try s.ok("attr", "define", "source", "--on", "firm", "--type", "text", "--label", "Zdroj informace")
        try s.ok("firm", "add", "Alfa", "--role", "prospect", "--set", "source=web")
        try s.ok("firm", "add", "Beta <b>&", "--role", "prospect", "--set", "source=veletrh")
        try s.ok("firm", "add", "Gama", "--role", "prospect", "--set", "source=web")
        for (firm, date, kind, referent, result) in [("1", "2026-01-01", "call", "novak", ""), ("1", "2026-01-11", "meeting", "novak", "contract"),
                                                     ("1", "2026-03-01", "meeting", "novak", "order"), ("1", "2026-01-05", "meeting", "svobodova", "no-interest"),
                                                     ("2", "2026-02-01", "meeting", "svobodova", "contract"), ("3", "2026-01-10", "call", "novak", ""),
                                                     ("3", "2026-02-09", "meeting", "novak", "price")] {
            try s.ok("contact", "add", "--firm", firm, "--kind", kind, "--referent", referent, "--date", date, "--text", "\(kind) \(date)",
                     "--result", result)
        }
        return s
    }

    @Test func csvAndJsonAsWorkedOutByHand() throws {
        let s = try database()
        defer { try? FileManager.default.removeItem(at: s.folder) }
        #expect(try s.ok("report", "time-to-deal", "--format", "csv") == """
            referent,name,deals,meanDays,medianDays,p90Days,open\r
            novak,Jan Novák,1,10,10,10,1\r
            svobodova,Eva Svobodová,1,0,0,0,1\r
            (all),,2,5,5,10,1\r

            """)
        #expect(try s.ok("report", "sources", "--format", "csv") == """
            value,label,firms,converted,rate,medianDays,contracts,contractShare,cohort\r
            veletrh,veletrh,1,1,1,0,1,0.333333,Všechny firmy s aspoň jedním kontaktem; obchod kdykoli do dneška\r
            web,web,2,1,0.5,10,2,0.666667,Všechny firmy s aspoň jedním kontaktem; obchod kdykoli do dneška\r
            (all),,3,2,0.666667,5,3,1,Všechny firmy s aspoň jedním kontaktem; obchod kdykoli do dneška\r

            """)
        // The cohort by the role held at the first contact: Gama turned customer after it, and stays.
        try s.ok("firm", "edit", "3", "--role", "customer")
        let byRole = try s.ok("report", "conversion", "--by", "source", "--role", "prospect", "--format", "csv")
        #expect(byRole.contains("web,web,2,1,0.5,10,") && byRole.contains("při něm v roli potenciální zákazník"), "\(byRole)")
        let badRole = try s.run("report", "conversion", "--by", "source", "--role", "vendor")
        #expect(badRole.status == 1 && badRole.stderr.contains("--role"), "\(badRole.stderr)")
        let loss = try s.json("report", "loss-reasons", "--from", "2026-02-01") as! [[String: Any]]
        #expect(loss.count == 6 && loss[1]["result"] as? String == "price" && loss[1]["count"] as? Int == 1 && loss[1]["novakShare"] as? Double == 1)
        #expect(loss[0]["count"] as? Int == 0 && loss[0]["svobodovaShare"] is NSNull)
        let bands = try s.run(arguments: ["report", "conversion", "--by", "source", "--bands", "0,10"])
        #expect(bands.status != 0 && bands.stderr.contains("--bands") && bands.stderr.contains("source"))
        let unknown = try s.run(arguments: ["report", "conversion", "--by", "obor"])
        #expect(unknown.status != 0 && unknown.stderr.contains("obor") && unknown.stderr.contains("source"))
    }

    /// Parses a page as XML and describes it: the title, the header cells, the bars of each chart,
    /// and any reference to something outside the file.
    func describe(_ path: URL) throws -> [String: String] {
        try Python.strings("""
            import sys, json, re
            import xml.etree.ElementTree as ET
            text = open(sys.stdin.read(), encoding="utf-8").read()
            root = ET.fromstring(text.split("\\n", 1)[1])
            ns = {"s": "http://www.w3.org/2000/svg"}
            charts = root.findall(".//s:svg", ns)
            outside = [v for e in root.iter() for k, v in e.attrib.items() if k in ("src", "href") or re.match(r"https?:", v) and k != "xmlns"]
            print(json.dumps({
                "doctype": text.split("\\n", 1)[0], "lang": root.get("lang"), "title": root.find("head/title").text,
                "headers": "|".join(th.text for th in root.findall(".//thead/tr/th")),
                "bars": ";".join(str(len(svg.findall("s:rect", ns))) for svg in charts),
                "chartTitles": "|".join(svg.find("s:title", ns).text for svg in charts),
                "axes": "|".join(t.text for svg in charts for t in svg.findall("s:text[@class='axis-title']", ns)),
                "total": "|".join("".join(c.itertext()) for c in root.findall(".//tr[@class='total']/*")),
                "cells": "|".join("".join(c.itertext()) for c in root.findall(".//tbody/tr/td")),
                "outside": str(len(outside))}))
            """, input: Data(path.path.utf8))
    }

    @Test func htmlPagesAreSelfContainedWellFormedAndCzech() throws {
        let s = try database()
        defer { try? FileManager.default.removeItem(at: s.folder) }
        try s.ok("report", "time-to-deal", "--format", "html", "--out", "reports/ttd.html")
        let ttd = try describe(s.folder.appendingPathComponent("reports/ttd.html"))
        #expect(ttd["doctype"] == "<!DOCTYPE html>" && ttd["lang"] == "cs" && ttd["outside"] == "0")
        #expect(ttd["title"] == "Doba od prvního kontaktu k obchodu")
        #expect(ttd["headers"] == "Referent|Jméno|Obchody|Průměr (dny)|Medián (dny)|90. percentil (dny)|Otevřené")
        // The histogram's seven ranges, then one bar per referent.
        #expect(ttd["bars"] == "7;2" && ttd["axes"] == "dny od prvního kontaktu|počet firem|referent|dny")
        #expect(ttd["total"] == "celkem||2|5,0|5,0|10,0|1")

        try s.ok("report", "sources", "--format", "html", "--out", "sources.html")
        let sources = try describe(s.folder.appendingPathComponent("sources.html"))
        #expect(sources["chartTitles"] == "Úspěšnost podle: Zdroj informace|Podíl na všech smlouvách" && sources["bars"] == "2;2")
        #expect(sources["total"] == "celkem||3|2|66,7 %|5,0|3|100,0 %|Všechny firmy s aspoň jedním kontaktem; obchod kdykoli do dneška")

        // Merged data stays text: the firm's name "Beta <b>&" is escaped, and the page still parses.
        try s.ok("history", "--firm", "2", "--format", "html", "--out", "beta.html")
        let beta = try describe(s.folder.appendingPathComponent("beta.html"))
        #expect(beta["title"] == "Historie komunikace: Beta <b>&" && beta["outside"] == "0")
        #expect(beta["cells"]?.contains("1. 2. 2026|Schůzka|kontakt|svobodova||Uzavření smlouvy|meeting 2026-02-01|") == true)
        #expect(beta["cells"]?.contains("svobodova|1. 2. 2026|1|1. 2. 2026 Uzavření smlouvy (+0 d)") == true)
    }

    /// Runs headless Chromium on a page, given a minute at most; returns its exit status.
    func chromium(_ page: URL, _ arguments: String..., profile: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["60", "/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                             "--user-data-dir=\(profile.appendingPathComponent("chromium").path)"] + arguments + [page.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func chromiumRendersTheChartsOfAReport() throws {
        let s = try database()
        defer { try? FileManager.default.removeItem(at: s.folder) }
        try s.ok("report", "referents", "--format", "html", "--out", "referents.html")
        let page = s.folder.appendingPathComponent("referents.html"), png = s.folder.appendingPathComponent("referents.png")
        #expect(try chromium(page, "--screenshot=\(png.path)", "--window-size=900,1400", profile: s.folder) == 0)
        // Decodes the PNG (8-bit RGB or RGBA, any filter) and counts dark pixels (text, axes) and
        // pixels of the bars' colour #2f6f9f.
        let counts = try Python.strings("""
            import sys, json, zlib, struct
            data = open(sys.stdin.read(), "rb").read()
            assert data[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
            pos, idat = 8, b""
            while pos < len(data):
                length, kind = struct.unpack(">I4s", data[pos:pos + 8])
                body = data[pos + 8:pos + 8 + length]
                if kind == b"IHDR": width, height, depth, colour = struct.unpack(">IIBB", body[:10])
                if kind == b"IDAT": idat += body
                pos += 12 + length
            assert depth == 8 and colour in (2, 6)
            bpp = 3 if colour == 2 else 4
            raw, stride, rows, prev = zlib.decompress(idat), width * bpp, [], bytearray(width * bpp)
            for y in range(height):
                f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
                for i in range(stride):
                    a = line[i - bpp] if i >= bpp else 0
                    b, c = prev[i], prev[i - bpp] if i >= bpp else 0
                    if f == 1: line[i] = (line[i] + a) & 255
                    elif f == 2: line[i] = (line[i] + b) & 255
                    elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
                    elif f == 4:
                        p = a + b - c
                        pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                        line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
                rows.append(line); prev = line
            dark = bar = 0
            for line in rows:
                for x in range(0, stride, bpp):
                    r, g, b = line[x], line[x + 1], line[x + 2]
                    if r < 80 and g < 80 and b < 80: dark += 1
                    if abs(r - 0x2f) < 12 and abs(g - 0x6f) < 12 and abs(b - 0x9f) < 12: bar += 1
            print(json.dumps({"width": str(width), "dark": str(dark), "bar": str(bar)}))
            """, input: Data(png.path.utf8))
        #expect(counts["width"] == "900")
        #expect(Int(counts["dark"] ?? "") ?? 0 > 2_000, "text and axes drawn: \(counts)")
        #expect(Int(counts["bar"] ?? "") ?? 0 > 1_000, "the bars drawn in their colour: \(counts)")

        // Printed, the page asks for A4 itself (`@page`), and the text comes through.
        let pdf = s.folder.appendingPathComponent("referents.pdf")
        #expect(try chromium(page, "--print-to-pdf=\(pdf.path)", "--no-pdf-header-footer", profile: s.folder) == 0)
        let printed = try Python.strings("""
            import sys, json
            from pypdf import PdfReader
            reader = PdfReader(sys.stdin.read())
            box = reader.pages[0].mediabox
            text = " ".join(page.extract_text() for page in reader.pages)
            print(json.dumps({"size": f"{float(box.width):.0f}x{float(box.height):.0f}", "title": str("Úspěšnost návštěv a práce referentů" in text),
                              "definitions": str("Co čísla znamenají" in text), "novak": str("Jan Novák" in text)}))
            """, input: Data(pdf.path.utf8))
        #expect(printed == ["size": "595x842", "title": "True", "definitions": "True", "novak": "True"])
    }
}
