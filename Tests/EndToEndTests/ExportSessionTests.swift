// Exports through the built binary, read back by independent parsers: Python's cp1250 codec
// and csv module, vobject for vCard 4.0, icalendar for RFC 5545.

import Foundation
import TestSupport
import Testing

@Suite struct ExportSessionTests {
    func database() throws -> Session {
        let s = try Session()
        try s.ok("init")
        try s.ok("referent", "add", "novak", "--name", "Jan Novák")
        try s.ok("firm", "add", "Strojírny Žďár; \"Brno\", s.r.o.", "--role", "customer", "--ico", "25000209", "--street", "Náměstí Republiky 1234/56",
                 "--city", "Žďár nad Sázavou", "--zip", "591 01")
        try s.ok("person", "add", "--firm", "1", "--first", "Petr", "--last", "Dvořák", "--title-before", "Ing.", "--title-after", "Ph.D.",
                 "--function", "vedoucí nákupu", "--email", "petr@zdar.cz", "--phone", "+420 602 123 456", "--note", "Volat ráno; jinak, e-mailem")
        try s.ok("contact", "add", "--person", "1", "--kind", "meeting", "--referent", "novak", "--date", "2026-12-03 10:30", "--text", "Schůzka v Brně, sklad",
                 "--next-date", "2026-12-10", "--next-task", "Poslat ceník")
        try s.ok("contact", "add", "--person", "1", "--kind", "call", "--referent", "novak", "--date", "2026-11-20", "--text", "Telefonát")
        return s
    }

    @Test func vcardAndICalendarAreReadByTheirOwnParsers() throws {
        let s = try database()
        defer { try? FileManager.default.removeItem(at: s.folder) }
        let card = try s.ok("export", "vcard", "--person", "1")
        let read = try Python.strings("""
            import sys, json, vobject
            card = vobject.readOne(sys.stdin.read())
            print(json.dumps({"fn": card.fn.value, "family": card.n.value.family, "given": card.n.value.given, "prefix": card.n.value.prefix,
                              "suffix": card.n.value.suffix, "org": card.org.value[0], "title": card.title.value, "email": card.email.value,
                              "tel": card.tel.value, "street": card.adr.value.street, "city": card.adr.value.city, "zip": card.adr.value.code,
                              "note": card.note.value, "version": card.version.value}))
            """, input: Data(card.utf8))
        #expect(read["version"] == "4.0" && read["fn"] == "Ing. Petr Dvořák, Ph.D." && read["family"] == "Dvořák" && read["given"] == "Petr")
        #expect(read["prefix"] == "Ing." && read["suffix"] == "Ph.D." && read["org"] == "Strojírny Žďár; \"Brno\", s.r.o." && read["title"] == "vedoucí nákupu")
        #expect(read["email"] == "petr@zdar.cz" && read["tel"] == "tel:+420-602-123-456")
        #expect(read["street"] == "Náměstí Republiky 1234/56" && read["city"] == "Žďár nad Sázavou" && read["zip"] == "591 01")
        #expect(read["note"] == "Volat ráno; jinak, e-mailem")
        #expect(card.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 })

        let first = try s.ok("export", "ics", "--referent", "novak")
        let calendar = try Python.strings("""
            import sys, json
            from icalendar import Calendar
            cal = Calendar.from_ical(sys.stdin.read())
            events = [c for c in cal.walk("VEVENT")]
            todos = [c for c in cal.walk("VTODO")]
            print(json.dumps({"events": str(len(events)), "todos": str(len(todos)), "start": events[0].decoded("dtstart").isoformat(),
                              "summary": str(events[0]["summary"]), "due": todos[0].decoded("due").isoformat(), "task": str(todos[0]["summary"]),
                              "uids": ",".join(sorted(str(c["uid"]) for c in events + todos))}))
            """, input: Data(first.utf8))
        #expect(calendar["events"] == "1" && calendar["todos"] == "1")
        #expect(calendar["start"] == "2026-12-03T10:30:00" && calendar["summary"] == "Schůzka v Brně, sklad")
        #expect(calendar["due"] == "2026-12-10" && calendar["task"] == "Poslat ceník")
        // UIDs are stable: a second export names the same components.
        let second = try s.ok("export", "ics")
        #expect(second.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") } == first.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") })
        #expect(calendar["uids"]?.split(separator: ",").count == 2)
    }

    @Test func csvInWindows1250ForExcelReadsBackAndReimports() throws {
        let s = try database()
        defer { try? FileManager.default.removeItem(at: s.folder) }
        let firms = s.folder.appendingPathComponent("firmy.csv").path
        let persons = s.folder.appendingPathComponent("osoby.csv").path
        try s.ok("export", "csv", "firms", "--encoding", "windows-1250", "--out", firms)
        try s.ok("export", "csv", "persons", "--encoding", "utf-8", "--bom", "--out", persons)
        let read = try Python.strings("""
            import sys, json, csv, io
            firms, persons = sys.stdin.read().split("|")
            f = list(csv.reader(io.StringIO(open(firms, "rb").read().decode("cp1250")), delimiter=";"))
            raw = open(persons, "rb").read()
            p = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
            print(json.dumps({"bom": str(raw[:3] == b"\\xef\\xbb\\xbf"), "firm": f[1][0], "ico": f[1][1], "header": ",".join(f[0][:4]),
                              "last": p[0]["last"], "firmOfPerson": p[0]["firm"], "note": p[0]["note"], "consent": p[0]["emailConsent"]}))
            """, input: Data("\(firms)|\(persons)".utf8))
        #expect(read["firm"] == "Strojírny Žďár; \"Brno\", s.r.o." && read["ico"] == "25000209" && read["header"] == "name,ico,dic,roles")
        #expect(read["bom"] == "True" && read["last"] == "Dvořák" && read["firmOfPerson"] == "25000209" && read["note"] == "Volat ráno; jinak, e-mailem")
        #expect(read["consent"] == "yes")

        // What was exported imports into a fresh database.
        let copy = try Session()
        defer { try? FileManager.default.removeItem(at: copy.folder) }
        try copy.ok("init")
        #expect(try copy.ok("import", "firms", firms).hasPrefix("Imported 1 of 1 firms"))
        #expect(try copy.ok("import", "persons", persons).hasPrefix("Imported 1 of 1 persons"))
        let person = try copy.json("person", "show", "1") as? [String: Any] ?? [:]
        #expect(person["last"] as? String == "Dvořák" && person["titleAfter"] as? String == "Ph.D.")
    }

    @Test func historyInTimeOrderWithTheRoadToEachDeal() throws {
        let s = try database()
        defer { try? FileManager.default.removeItem(at: s.folder) }
        try s.ok("contact", "add", "--person", "1", "--kind", "meeting", "--referent", "novak", "--date", "2027-01-18", "--result", "contract",
                 "--text", "Smlouva podepsána")
        let history = try s.json("history", "--firm", "1") as? [String: Any] ?? [:]
        let contacts = history["contacts"] as? [[String: Any]] ?? []
        #expect(contacts.map { $0["date"] as? String ?? "" } == ["2026-11-20", "2026-12-03T10:30", "2026-12-10", "2027-01-18"])
        let lane = (history["timeline"] as? [[String: Any]])?.first ?? [:]
        // First contact 20 Nov 2026, contract 18 Jan 2027: 59 days; the open task is not a contact.
        #expect(lane["referent"] as? String == "novak" && lane["firstContact"] as? String == "2026-11-20" && lane["contacts"] as? Int == 3)
        #expect((lane["deals"] as? [[String: Any]])?.map { $0["days"] as? Int } == [59])
        let csv = try s.ok("history", "--person", "1", "--from", "2026-12-01", "--to", "2026-12-31", "--format", "csv")
        #expect(csv.split(separator: "\r\n").map { String($0.prefix(16)) } == ["date,kind,status", "2026-12-03T10:30", "2026-12-10,task,"])
        let wrong = try s.run(arguments: ["history", "--firm", "9"])
        #expect(wrong.status != 0 && wrong.stderr.contains("9"))
    }

    @Test func referentsReportAsCountedByHand() throws {
        let s = try Session()
        defer { try? FileManager.default.removeItem(at: s.folder) }
        try s.ok("init")
        try s.ok("referent", "add", "novak", "--name", "Jan Novák")
        try s.ok("referent", "add", "svobodova", "--name", "Eva Svobodová")
        try s.ok("firm", "add", "Alfa", "--role", "customer")
        try s.ok("firm", "add", "Beta", "--role", "prospect")
        // Dates far from any day the tests run on, so "overdue" does not change with the calendar.
        try s.ok("contact", "add", "--firm", "1", "--kind", "meeting", "--referent", "novak", "--date", "2020-01-10", "--result", "contract", "--text", "a")
        try s.ok("contact", "add", "--firm", "2", "--kind", "meeting", "--referent", "novak", "--date", "2020-02-10", "--result", "price", "--text", "b",
                 "--next-date", "2099-01-01", "--next-task", "Zkusit znovu")
        try s.ok("contact", "add", "--firm", "2", "--kind", "email", "--referent", "novak", "--date", "2020-03-10", "--text", "c")
        try s.ok("contact", "add", "--firm", "1", "--status", "task", "--kind", "task", "--referent", "novak", "--date", "2020-04-10", "--text", "d")
        let csv = try s.ok("report", "referents", "--format", "csv")
        #expect(csv == """
            referent,name,visits,success,open,failure,none,rate,contacts,kind.call,kind.meeting,kind.negotiation,kind.letter,kind.email,kind.event,kind.task,emails,letters,openTasks,overdueTasks\r
            novak,Jan Novák,2,1,0,1,0,0.5,3,0,2,0,0,1,0,0,1,0,2,1\r
            svobodova,Eva Svobodová,0,0,0,0,0,,0,0,0,0,0,0,0,0,0,0,0,0\r

            """)
        let customers = try s.ok("report", "referents", "--where", "role = customer", "--from", "2020-01-01", "--to", "2020-12-31", "--format", "csv")
        #expect(customers.split(separator: "\r\n")[1] == "novak,Jan Novák,1,1,0,0,0,1,1,0,1,0,0,0,0,0,0,0,1,1")
        let table = try s.ok("report", "referents", "--where", "role = customer")
        #expect(table.split(separator: "\n")[2].hasPrefix("novak      Jan Novák      1       1        0     0        0     100,0 %"))
    }
}
