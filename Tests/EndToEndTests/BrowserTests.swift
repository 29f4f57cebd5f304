// The workspace in a real browser: Playwright drives Debian's chromium (never a downloaded one)
// through the salesperson's daily path — log in, find a firm by a query without diacritics, log
// a call with a next contact, see it on top of the timeline and the task in my day, mark it done —
// at 1280 px and at 360 × 740, and axe-core checks every page. Tests/Browser/daily_path.py is the
// script; with KONTAKT_SCREENSHOTS=DIR it also saves the screenshots the README shows.

import Foundation
import Testing

@Suite struct BrowserTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Browser/daily_path.py").path

    @Test func theDailyPathWorksInChromiumAtDesktopAndPhoneWidthAndPassesAxe() throws {
        let s = try Session()
        try s.fillWithSample(firms: 30, persons: 60, contacts: 120)
        let firm = try s.ok("firm", "add", "Škoda Auto a.s.", "--city", "Mladá Boleslav", "--role", "customer", "--phone", "+420 602 111 222")
        let firmId = String(firm.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").last!.dropLast())
        _ = try s.ok("person", "add", "--firm", firmId, "--first", "Jana", "--last", "Nováková", "--email", "jana@skoda.cz")
        try s.addUser("novak", referent: "novak", role: "admin", password: "prohlizec-heslo-1")
        let server = try WorkspaceServerTests.Server(s, name: "serve")
        defer { _ = server.stop() }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script, server.url, "novak", "prohlizec-heslo-1", firmId]
        var environment = ProcessInfo.processInfo.environment
        environment["PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD"] = "1"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(String(decoding: errors, as: UTF8.self).suffix(2000))")
        guard process.terminationStatus == 0 else { return }
        let findings = try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])

        let steps = findings["steps"] as? [[String: Any]] ?? []
        #expect(steps.count == 19)
        for step in steps { #expect(step["ok"] as? Bool == true, "\(step["name"] ?? ""): \(step["detail"] ?? "")") }
        let axe = findings["axe"] as? [String: [[String: Any]]] ?? [:]
        #expect(Set(axe.keys) == ["login", "firm", "day", "firms", "firms-error", "search", "firm-edit", "admin", "admin-codelists", "admin-settings", "person"])
        for (page, violations) in axe { #expect(violations.isEmpty, "axe on \(page): \(violations)") }
        let narrow = findings["narrow"] as? [String: Any] ?? [:]
        for page in ["firm", "day", "firms", "firms-error", "search", "firm-edit", "admin", "admin-codelists", "admin-settings", "person"] {
            #expect((narrow[page] as? Int ?? 9_999) <= 360, "no horizontal scrolling on \(page) at 360 px")
            #expect((narrow[page + "Small"] as? [String] ?? ["missing"]).isEmpty, "tap targets under 44 px on \(page): \(narrow[page + "Small"] ?? "")")
        }
        #expect((findings["console"] as? [String] ?? []).isEmpty, "no script errors: \(findings["console"] ?? "")")
    }
}
