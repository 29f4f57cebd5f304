// The wall-clock "now" of the user's time zone, for contacts logged without a date.

import CRM
import Foundation

enum LocalClock {
    static func now() -> ContactDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day, .hour, .minute], from: Date())
        let date = CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)!
        return ContactDate(date: date, minuteOfDay: parts.hour! * 60 + parts.minute!)
    }
}
