// Logging contacts and working tasks through the workspace: the rights, the one transaction,
// and the audit of every changed field.

import CRM
import Store
import Testing
import Workspace
import WorkspaceFixtures

@Suite struct ContactLogTests {
    @Test func salesLogsAsItselfWithANextContact() throws {
        let office = try Office()
        let logged = try office.workspace.contacts.log(
            LogContact(personId: office.jana, fields: ContactInput(kind: "call", text: "Domluvena schůzka", nextDate: "2026-12-04", nextTask: "Schůzka v Boleslavi")),
            by: office.jan)
        let contact = try office.workspace.contacts.show(id: logged.contactId).contact
        #expect(contact.firmId == office.skoda, "the person's firm")
        #expect(contact.referent == "jn", "the signed-in user's referent")
        #expect(contact.date == office.clock.now)
        let task = try office.workspace.contacts.show(id: try #require(logged.taskId)).contact
        #expect(task.isOpenTask && task.referent == "jn" && task.text == "Schůzka v Boleslavi")
        #expect(try office.values("SELECT actor || ' ' || action || ' ' || entity_id FROM audit_entry WHERE entity = 'contact' ORDER BY id")
                == ["web:jan add \(logged.contactId)", "web:jan add \(logged.taskId!)"])
    }

    @Test func salesCannotLogAsAnotherNorTouchAnothersContacts() throws {
        let office = try Office()
        #expect(throws: WorkspaceError.forbidden("a sales user logs contacts as its own referent only")) {
            try office.workspace.contacts.log(LogContact(firmId: office.alfa, fields: ContactInput(kind: "call", referent: "mk", text: "x")), by: office.jan)
        }
        let theirs = try office.workspace.contacts.log(LogContact(firmId: office.alfa, fields: ContactInput(kind: "call", text: "Marie volala",
                                                                                                          nextDate: "2026-12-03", nextTask: "Zavolat znovu")), by: office.marie)
        let forbidden = WorkspaceError.forbidden("a sales user changes only its own contacts and the tasks assigned to it")
        #expect(throws: forbidden) { try office.workspace.contacts.edit(id: theirs.contactId, fields: ContactInput(text: "přepsáno"), by: office.jan) }
        #expect(throws: forbidden) { try office.workspace.contacts.markDone(id: theirs.taskId!, by: office.jan) }
        #expect(throws: forbidden) {
            try office.workspace.contacts.reschedule(id: theirs.taskId!, to: ContactDate(date: CivilDate(year: 2026, month: 12, day: 9)!), by: office.jan)
        }
        #expect(try office.workspace.contacts.show(id: theirs.contactId).contact.text == "Marie volala", "nothing changed")
        // Handing one's own contact to someone else is refused too; the admin may.
        let mine = try office.workspace.contacts.log(LogContact(firmId: office.alfa, fields: ContactInput(kind: "call", text: "Můj")), by: office.jan)
        #expect(throws: forbidden) { try office.workspace.contacts.edit(id: mine.contactId, fields: ContactInput(referent: "mk"), by: office.jan) }
        try office.workspace.contacts.edit(id: theirs.contactId, fields: ContactInput(text: "Opraveno adminem"), by: office.admin)
        #expect(try office.workspace.contacts.show(id: theirs.contactId).contact.text == "Opraveno adminem")
    }

    @Test func editsAreAuditedFieldByField() throws {
        let office = try Office()
        let logged = try office.workspace.contacts.log(LogContact(firmId: office.skoda, fields: ContactInput(kind: "call", text: "Původní", note: "pozn")), by: office.jan)
        try office.workspace.contacts.edit(id: logged.contactId, fields: ContactInput(kind: "meeting", result: "promise", text: "Nový"), by: office.jan)
        let rows = try office.values("""
            SELECT actor || '|' || field || '|' || coalesce(old_value, '∅') || '|' || coalesce(new_value, '∅') FROM audit_entry
            WHERE entity = 'contact' AND action = 'edit' ORDER BY field
            """)
        #expect(rows == ["web:jan|kind|call|meeting", "web:jan|result|∅|promise", "web:jan|text|Původní|Nový"])
    }

    @Test func completingATaskLogsItsOutcomeInOneStep() throws {
        let office = try Office()
        let first = try office.workspace.contacts.log(LogContact(personId: office.jana, fields: ContactInput(kind: "call", text: "Úvod", nextDate: "2026-12-02",
                                                                                                           nextTask: "Poslat nabídku")), by: office.jan)
        let outcome = try office.workspace.contacts.complete(taskId: first.taskId!, outcome: ContactInput(kind: "email", result: "offer", text: "Nabídka odeslána",
                                                                                                        nextDate: "2026-12-09", nextTask: "Zeptat se na nabídku"), by: office.jan)
        let task = try office.workspace.contacts.show(id: first.taskId!).contact
        #expect(task.doneAt == office.clock.now)
        let contact = try office.workspace.contacts.show(id: outcome.contactId).contact
        #expect(contact.personId == office.jana && contact.result == "offer" && contact.originContactId == first.taskId)
        #expect(try office.workspace.contacts.show(id: try #require(outcome.taskId)).contact.isOpenTask)
        #expect(throws: WorkspaceError.self) { try office.workspace.contacts.complete(taskId: first.taskId!, outcome: ContactInput(text: "znovu"), by: office.jan) }
        // A refused outcome leaves the task open: one transaction.
        let second = try office.workspace.contacts.log(LogContact(firmId: office.alfa, fields: ContactInput(kind: "call", text: "x", nextDate: "2026-12-05", nextTask: "y")), by: office.jan)
        #expect(throws: (any Error).self) {
            try office.workspace.contacts.complete(taskId: second.taskId!, outcome: ContactInput(kind: "telepathy", text: "z"), by: office.jan)
        }
        #expect(try office.workspace.contacts.show(id: second.taskId!).contact.isOpenTask)
    }

    @Test func myDayGroupsOpenTasksByUrgency() throws {
        let office = try Office()
        // 2026-12-02 is a Wednesday: this week runs to Sunday the 6th.
        for (date, text) in [("2026-11-30", "pozdě"), ("2026-12-02", "dnes"), ("2026-12-06", "neděle"), ("2026-12-07", "příští týden")] {
            _ = try office.workspace.contacts.log(LogContact(firmId: office.skoda, fields: ContactInput(date: date, status: "task", kind: "task", text: text)), by: office.jan)
        }
        _ = try office.workspace.contacts.log(LogContact(firmId: office.skoda, fields: ContactInput(date: "2026-12-02", status: "task", kind: "task", text: "Mariin")), by: office.marie)
        let day = try office.workspace.tasks.day(by: office.jan)
        #expect(day.overdue.map(\.contact.text) == ["pozdě"])
        #expect(day.dueToday.map(\.contact.text) == ["dnes"])
        #expect(day.thisWeek.map(\.contact.text) == ["neděle"])
        #expect(day.later.map(\.contact.text) == ["příští týden"])
        #expect(try office.workspace.tasks.day(by: office.marie).dueToday.map(\.contact.text) == ["Mariin"])
        _ = try office.workspace.contacts.log(LogContact(firmId: office.alfa, fields: ContactInput(date: "2026-11-01", status: "task", kind: "task", text: "dávno")), by: office.jan)
        let capped = try office.workspace.tasks.day(by: office.jan, limit: 1)
        #expect(capped.overdue.map(\.contact.text) == ["dávno"] && capped.totals.overdue == 2, "the first of a backlog, and its number")
        try office.workspace.contacts.reschedule(id: day.overdue[0].contact.id!, to: ContactDate(date: CivilDate(year: 2026, month: 12, day: 3)!), by: office.jan)
        #expect(try office.workspace.tasks.day(by: office.jan).thisWeek.map(\.contact.text) == ["pozdě", "neděle"])
    }
}
