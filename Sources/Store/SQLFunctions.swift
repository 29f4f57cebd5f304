// Functions that queries call from SQL, so text matching in SQLite follows the same rules as
// matching in Swift: one folding, one Czech collation.

import CRM
import GRDB

/// Registered on every connection by `KontaktDatabase`:
///
/// - `kontakt_fold(text)`: lower case without diacritics (`Novák` → `novak`), for `contains`,
///   `starts with` and text equality in segments;
/// - `kontakt_sort_key(text)`: the Czech collation key, for `<`, `>` and `between` on text.
///
/// Both return NULL for NULL and pass numbers through as their text.
public enum SQLFunctions {
    public static let fold = DatabaseFunction("kontakt_fold", argumentCount: 1, pure: true) { values in
        text(of: values[0]).map(Folding.fold)
    }

    public static let sortKey = DatabaseFunction("kontakt_sort_key", argumentCount: 1, pure: true) { values in
        text(of: values[0]).map(CzechCollation.sortKey)
    }

    static func register(on db: Database) {
        db.add(function: fold)
        db.add(function: sortKey)
    }

    private static func text(of value: DatabaseValue) -> String? {
        switch value.storage {
        case .string(let text): return text
        case .int64(let number): return String(number)
        case .double(let number): return NumberText.plain(number)
        case .blob, .null: return nil
        }
    }
}
