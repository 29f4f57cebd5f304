// The road to a firm's deals, per referent, computed by hand for a small history.

import CRM
import Testing
@testable import Reports

@Suite struct TimelineTests {
    func contact(_ id: Int64, _ date: String, _ referent: String, result: String? = nil, status: ContactStatus = .contact) throws -> Contact {
        Contact(id: id, firmId: 1, date: try ContactDate(parsing: date), status: status, kind: "meeting", referent: referent, result: result, text: "x")
    }

    @Test func firstContactToEachDealPerReferent() throws {
        let contacts = [
            try contact(1, "2026-01-10", "novak"), try contact(2, "2026-02-01", "novak", result: "offer"),
            try contact(3, "2026-03-01", "novak", result: "contract"), try contact(4, "2026-01-05", "svobodova"),
            try contact(5, "2026-06-04", "novak", result: "contract"), try contact(6, "2025-12-01", "novak", result: "contract", status: .task),
        ]
        let timeline = Timeline(contacts: contacts, success: ["contract"])
        #expect(timeline.lanes.map(\.referent) == ["svobodova", "novak"])
        let novak = timeline.lanes[1]
        #expect(novak.firstContact == CivilDate(year: 2026, month: 1, day: 10) && novak.contacts == 4)
        // 10 Jan → 1 Mar is 50 days; → 4 Jun is 145 days. The task is a plan and counts for nothing.
        #expect(novak.deals.map(\.days) == [50, 145])
        #expect(timeline.lanes[0].deals.isEmpty)
    }
}
