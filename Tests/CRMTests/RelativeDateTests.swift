// Relative dates on the command line, as the segment language writes them.

import Testing
@testable import CRM

@Suite struct RelativeDateTests {
    let today = CivilDate(year: 2026, month: 1, day: 31)!

    @Test func relativeFormsBecomeAbsolute() throws {
        let cases = ["today": "2026-01-31", "Today": "2026-01-31", "tomorrow": "2026-02-01", "yesterday": "2026-01-30", "zítra": "2026-02-01",
                     "dnes": "2026-01-31", "today + 3d": "2026-02-03", "today+3d": "2026-02-03", "today - 2w": "2026-01-17",
                     "today + 1m": "2026-02-28", "today + 1y - 1d": "2027-01-30", "tomorrow 9:30": "2026-02-01 9:30", "today + 1m 14:00": "2026-02-28 14:00"]
        for (text, expected) in cases {
            #expect(try RelativeDate.resolve(text, today: today, field: "--next-date") == expected, "\(text)")
        }
        #expect(try RelativeDate.resolve("29.11.2026", today: today, field: "--date") == nil)
        #expect(try RelativeDate.resolve("2026-11-29", today: today, field: "--date") == nil)
    }

    @Test func aMalformedOffsetIsNamedByItsOption() {
        // Offsets that leave the years 1–9999 are refused too, never clamped.
        for text in ["today + 3", "today * 3d", "tomorrow + 3x", "today + d", "today 9", "today + 999999y", "today - 999999d", "today - 99999m"] {
            #expect(throws: ValidationError.self, "\(text)") { try RelativeDate.resolve(text, today: today, field: "--next-date") }
        }
        do {
            _ = try RelativeDate.resolve("today + 3", today: today, field: "--next-date")
        } catch let error as ValidationError {
            #expect(error.field == "--next-date" && error.description.components(separatedBy: "--next-date").count == 2)
        } catch {}
    }

    @Test func monthsKeepTheDayClampedToTheMonth() {
        #expect(CivilDate(year: 2024, month: 1, day: 31)!.adding(months: 1) == CivilDate(year: 2024, month: 2, day: 29)!)
        #expect(CivilDate(year: 2026, month: 3, day: 15)!.adding(months: -3) == CivilDate(year: 2025, month: 12, day: 15)!)
        #expect(CivilDate(year: 9999, month: 12, day: 1)!.adding(months: 1) == nil && CivilDate(year: 1, month: 1, day: 1)!.adding(months: -1) == nil)
    }
}
