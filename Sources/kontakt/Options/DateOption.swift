// Date options take what the segment language takes: `today`, `tomorrow`, `today + 3d`,
// `d.M.yyyy` and ISO; a refused one is named by its option (`--next-date`), once.

import CRM

enum DateOption {
    /// `text` with a relative date made absolute (`tomorrow` → `2026-12-02`); other text as given,
    /// for the date parser to check.
    static func absolute(_ text: String?, option: String, today: CivilDate) throws -> String? {
        guard let text else { return nil }
        return try RelativeDate.resolve(text, today: today, field: option) ?? text
    }
}
