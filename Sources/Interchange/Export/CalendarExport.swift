// Open tasks (and so the next contacts, which become tasks) as VTODO and meetings as VEVENT in
// one iCalendar stream (RFC 5545), each with a stable UID so a calendar updates rather than
// duplicates on the next import.

import CRM

public enum CalendarExport {
    /// One calendar component for a contact, or nil when it is neither an open task nor a
    /// meeting. `stamp` is DTSTAMP (UTC, `20261129T120000Z`).
    public static func component(_ contact: Contact, firmName: String, personName: String?, stamp: String) -> String? {
        let uid = "contact-\(contact.id ?? 0)@kontakt"
        let summary = ContentLine.text(contact.text)
        let who = ContentLine.text([firmName, personName].compactMap { $0 }.joined(separator: ", "))
        if contact.isOpenTask {
            var todo = "BEGIN:VTODO\r\n" + ContentLine.line("UID", uid) + ContentLine.line("DTSTAMP", stamp)
            todo += ContentLine.line("DUE;VALUE=DATE", compact(contact.date.date))
            todo += ContentLine.line("SUMMARY", summary) + ContentLine.line("DESCRIPTION", who)
            todo += ContentLine.line("STATUS", "NEEDS-ACTION")
            todo += ContentLine.line("CATEGORIES", ContentLine.text(contact.referent))
            return todo + "END:VTODO\r\n"
        }
        guard contact.kind == "meeting", contact.status == .contact else { return nil }
        var event = "BEGIN:VEVENT\r\n" + ContentLine.line("UID", uid) + ContentLine.line("DTSTAMP", stamp)
        if let minutes = contact.date.minuteOfDay {
            // Floating local time: the meeting is at that hour wherever the calendar is.
            event += ContentLine.line("DTSTART", compact(contact.date.date) + "T" + two(minutes / 60) + two(minutes % 60) + "00")
            event += ContentLine.line("DURATION", "PT1H")
        } else {
            event += ContentLine.line("DTSTART;VALUE=DATE", compact(contact.date.date))
        }
        event += ContentLine.line("SUMMARY", summary) + ContentLine.line("DESCRIPTION", who)
        event += ContentLine.line("CATEGORIES", ContentLine.text(contact.referent))
        return event + "END:VEVENT\r\n"
    }

    public static func header() -> String {
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Kontakt//CRM//CS\r\nCALSCALE:GREGORIAN\r\n"
    }

    public static let footer = "END:VCALENDAR\r\n"

    static func compact(_ date: CivilDate) -> String { date.iso.replacingOccurrences(of: "-", with: "") }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
