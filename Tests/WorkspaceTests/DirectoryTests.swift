// Firm lists in keyset pages, the capped count, segment errors with their position, the firm
// and person pages, and the search box's folding of case, diacritics and phone formatting.

import CRM
import GRDB
import Store
import Testing
import Workspace
import WorkspaceFixtures

@Suite struct DirectoryTests {
    @Test func keysetPagesVisitEveryFirmOnceInCzechOrder() throws {
        let office = try Office()
        let names = ["Čedok", "Cukrárna", "Chata", "Hotel", "Zámek", "Řeznictví", "Šatna", "Ábel"]
        try office.workspace.database.write { db in
            let schema = try AttributeDefinitions.schema(db: db)
            for round in 0 ..< 30 { for name in names { _ = try Firms.insert(Firm(name: "\(name) \(round)"), schema: schema, db: db) } }
        }
        var seen: [String] = []
        var after: ListPosition?
        repeat {
            let page = try office.workspace.firms.list(FirmQuery(after: after, limit: 37))
            #expect(page.count == CappedCount(value: 242, isCapped: false))
            seen += page.rows.map(\.firm.name)
            after = page.next
        } while after != nil
        #expect(seen.count == 242)
        #expect(Set(seen).count == 242)
        #expect(seen == seen.sorted(byCzech: { $0 }), "Czech order across page boundaries (ch after h, ř after r)")
    }

    @Test func countsStopAtTheCap() throws {
        let office = try Office()
        try office.workspace.database.write { db in
            let schema = try AttributeDefinitions.schema(db: db)
            for index in 0 ..< 1_005 { _ = try Firms.insert(Firm(name: "Firma \(index)", address: PostalAddress(city: "Olomouc")), schema: schema, db: db) }
        }
        let page = try office.workspace.firms.list(FirmQuery(segment: .expression("city = \"Olomouc\""), limit: 10))
        #expect(page.count == CappedCount(value: 1_000, isCapped: true))
        #expect(page.rows.count == 10 && page.next != nil)
    }

    @Test func aSegmentErrorKeepsTheCheckersSentenceAndPosition() throws {
        let office = try Office()
        #expect {
            try office.workspace.firms.list(FirmQuery(segment: .expression("city = \"Brno\" and teritory = Morava")))
        } throws: { error in
            let failure = Failure(error)
            return failure.kind == .invalid && failure.position == 18 && failure.message.hasPrefix("1:19: there is no firm field or attribute \"teritory\"")
                && failure.message.contains("\n  ^~~~~~~~") == false
        }
        #expect(throws: SavedSegmentError.self) {
            try office.workspace.database.write { db in
                try SavedSegments.save(SavedSegment(name: "stary", target: .firm, expression: "city = \"Brno\""), replace: false, db: db)
                try db.execute(sql: "UPDATE segment SET expression = 'mesto = 1' WHERE name = 'stary'")
            }
            _ = try office.workspace.firms.list(FirmQuery(segment: .saved("stary")))
        }
    }

    @Test func firmDetailHasPersonsTasksTimelinePagesAndChanges() throws {
        let office = try Office()
        for day in 1 ... 60 {
            _ = try office.workspace.contacts.log(LogContact(firmId: office.skoda, fields: ContactInput(date: "\(day % 30 + 1).10.2026", kind: "call", text: "Hovor \(day)")), by: office.jan)
        }
        _ = try office.workspace.contacts.log(LogContact(firmId: office.skoda, fields: ContactInput(kind: "call", text: "Dnes", nextDate: "2026-12-10", nextTask: "Úkol")), by: office.jan)
        let detail = try office.workspace.firms.detail(id: office.skoda)
        #expect(detail.persons.map(\.name.last) == ["Nováková"])
        #expect(detail.openTasks.map(\.contact.text) == ["Úkol"])
        #expect(detail.timeline.contacts.count == 25)
        #expect(detail.timeline.contacts.first?.contact.text == "Dnes", "newest first; the open task is listed apart")
        let second = try office.workspace.firms.detail(id: office.skoda, timelineBefore: detail.timeline.next)
        let third = try office.workspace.firms.detail(id: office.skoda, timelineBefore: second.timeline.next)
        #expect(second.timeline.contacts.count == 25 && third.timeline.contacts.count == 11 && third.timeline.next == nil)
        #expect(Set((detail.timeline.contacts + second.timeline.contacts + third.timeline.contacts).map(\.contact.id)).count == 61)
        #expect(detail.roleLabels == "Zákazník")
    }

    @Test func searchIgnoresCaseDiacriticsAndPhoneFormatting() throws {
        let office = try Office()
        func titles(_ text: String) throws -> [String] { try office.workspace.search.find(text).map(\.title) }
        #expect(try titles("skoda") == ["Škoda Auto a.s.", "Jana Nováková"], "the firm by its name first, then Jana by her e-mail at skoda.cz")
        #expect(try titles("ŠKODA auto") == ["Škoda Auto a.s."])
        #expect(try titles("602111222") == ["Škoda Auto a.s."])
        #expect(try titles("+420602111222") == ["Škoda Auto a.s."])
        #expect(try titles("00420 602 111 222") == ["Škoda Auto a.s."])
        #expect(try titles("603 222") == ["Jana Nováková"], "a phone typed in part finds by prefix")
        #expect(try titles("00177041") == ["Škoda Auto a.s."])
        #expect(try titles("jana.novakova@skoda") == ["Jana Nováková"])
        #expect(try titles("dvorak") == ["Ing. Petr Dvořák"])
        #expect(try titles("nova") == ["Jana Nováková"])
        #expect(try titles("\" OR 1=1 --").isEmpty, "FTS syntax in the input is only text")
        #expect(try titles("").isEmpty)
        // The index follows edits and removals, also those made with the sqlite3 shell's SQL.
        try office.workspace.database.write { db in
            try db.execute(sql: "UPDATE person SET last = 'Svobodová', mobile = '+421 905 123 456' WHERE id = ?", arguments: [office.jana])
        }
        #expect(try titles("novakova") == ["Jana Svobodová"], "still by her e-mail")
        #expect(try titles("svobodova") == ["Jana Svobodová"])
        #expect(try titles("905123456") == ["Jana Svobodová"])
        try office.workspace.database.write { db in try db.execute(sql: "DELETE FROM person WHERE id = ?", arguments: [office.petr]) }
        #expect(try titles("dvorak").isEmpty)
    }
}

@Suite struct SegmentLibraryTests {
    @Test func savingASegmentIsForAdministratorsAndAudited() throws {
        let office = try Office()
        #expect(throws: WorkspaceError.forbidden("only an administrator saves and removes segments (the office's campaigns and views use them)")) {
            try office.workspace.segments.save(name: "brno", expression: "city = Brno", target: .firm, replace: false, by: office.jan)
        }
        #expect(try office.workspace.segments.save(name: "brno", expression: "city = Brno", target: .firm, replace: false, by: office.admin) == 1)
        #expect(throws: (any Error).self) { try office.workspace.segments.save(name: "chybny", expression: "cty = Brno", target: .firm, replace: false, by: office.admin) }
        #expect(try office.workspace.segments.saved().map(\.name) == ["brno"], "a segment that does not check is not saved")
        let report = try office.workspace.segments.show(name: "brno")
        #expect(report.count == 1 && report.sql == "(kontakt_fold(f.city) = ?)\n-- parameters: 'brno'")
        try office.workspace.segments.remove(name: "brno", by: office.admin)
        #expect(try office.values("SELECT action || ' ' || field || ' ' || actor FROM audit_entry WHERE entity = 'segment' ORDER BY id") == ["add brno web:admin", "remove brno web:admin"])
    }

    @Test func aPreviewStopsAtItsLimitAndCountsAll() throws {
        let office = try Office()
        let preview = try office.workspace.segments.preview(.expression("emailConsent or not emailConsent"), limit: 1)
        #expect(preview.target == .person && preview.persons.count == 1 && preview.firms.isEmpty)
        #expect(preview.count == CappedCount(value: 2, isCapped: false))
        #expect(preview.persons[0].person.name.last == "Dvořák", "Czech order: Dvořák before Nováková")
    }
}

@Suite struct ReadCacheTests {
    /// A page read is kept until the records change, by this workspace or by plain SQL as
    /// another process (a campaign send, the sqlite3 shell) would write them.
    @Test func aKeptPageIsReadAgainAfterAnyChange() throws {
        let office = try Office()
        let before = try office.workspace.firms.detail(id: office.alfa)
        #expect(try office.workspace.firms.detail(id: office.alfa).timeline.version == before.timeline.version)
        try office.workspace.database.write { db in
            try db.execute(sql: "UPDATE firm SET name = 'Alfa Brno s.r.o.' WHERE id = ?", arguments: [office.alfa])
        }
        let renamed = try office.workspace.firms.detail(id: office.alfa)
        #expect(renamed.firm.name == "Alfa Brno s.r.o." && renamed.timeline.version.data > before.timeline.version.data)
        try office.workspace.database.write { db in
            try db.execute(sql: "INSERT INTO contact(firm_id, date, status, kind, referent, text, created_at, updated_at) VALUES (?, '2026-12-01', 'contact', 'call', 'jn', 'Ze shellu', 'x', 'x')",
                           arguments: [office.alfa])
        }
        #expect(try office.workspace.firms.detail(id: office.alfa).timeline.contacts.map(\.contact.text) == ["Ze shellu"])
        let list = try office.workspace.firms.list(FirmQuery(segment: .expression("city = Brno")))
        try office.workspace.database.write { db in try db.execute(sql: "UPDATE firm SET city = 'Praha' WHERE id = ?", arguments: [office.alfa]) }
        #expect(list.rows.count == 1 && list.count == CappedCount(value: 1, isCapped: false))
        #expect(try office.workspace.firms.list(FirmQuery(segment: .expression("city = Brno"))).rows.isEmpty, "a changed city leaves the kept list")
        try office.workspace.catalog.addCodeList(name: "zdroj", label: "Zdroj", by: .localOperator)
        #expect(try office.workspace.firms.detail(id: office.alfa).timeline.version.catalog > renamed.timeline.version.catalog)
    }
}
