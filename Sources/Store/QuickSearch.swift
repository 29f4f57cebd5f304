// The one search box: firms and persons by name, IČO, e-mail and phone, over the FTS5 index
// that migration v10 keeps (case, diacritics and phone formatting ignored).

import CRM
import GRDB

public struct SearchHit: Sendable, Equatable {
    public enum Kind: String, Sendable { case firm, person }
    public var kind: Kind
    public var id: Int64
    /// The firm's name, or the person's name with titles.
    public var title: String
    /// For a person their firm; for a firm its IČO and city.
    public var detail: String
    public var firmId: Int64
    public var email: String?
    public var phone: String?
}

public enum QuickSearch {
    /// The best `limit` matches of `text`; every word must match the start of a word of the
    /// record (whole words first). A number is looked up among phone numbers (by their digits
    /// or national number) and IČOs. Nothing for text without letters or digits.
    public static func find(_ text: String, limit: Int, db: Database) throws -> [SearchHit] {
        var entries: [Int64] = []
        func add(_ found: [Int64]) { for entry in found where !entries.contains(entry) { entries.append(entry) } }
        if SearchTerms.looksLikeNumber(text) {
            let typed = text.filter { $0.isASCII && $0.isNumber }
            for prefix in [SearchTerms.phoneQuery(text), typed] where !prefix.isEmpty && entries.count < limit {
                // Digits only, so every number with the prefix sorts before prefix + ":".
                add(try Int64.fetchAll(db.cachedStatement(sql: "SELECT entry FROM search_phone WHERE digits >= ? AND digits < ? ORDER BY digits LIMIT ?"),
                                       arguments: [prefix, prefix + ":", limit]))
            }
            if entries.count < limit { add(try ranked("\"\(typed)\"*", limit: limit, db: db)) }
        } else {
            guard let exact = matchExpression(text, prefix: false), let prefixed = matchExpression(text, prefix: true) else { return [] }
            add(try ranked(exact, limit: limit, db: db))
            if entries.count < limit { add(try ranked(prefixed, limit: limit, db: db)) }
        }
        return try records(Array(entries.prefix(limit)), db: db)
    }

    /// The first 100 matches in index order, ranked: those matching in the name before those
    /// matching only in the rest, shorter names first. bm25 ranked before, but it reads every
    /// match of each term for its weights ("info": 40,000 e-mails, 9 ms); the first 100 are
    /// read lazily (well under a millisecond), and a query specific enough to want more than
    /// the first 100 has fewer than 100 matches. `highlight` marks the name only where it matched.
    private static func ranked(_ match: String, limit: Int, db: Database) throws -> [Int64] {
        try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT entry FROM (
              SELECT rowid AS entry, highlight(search_entry, 0, char(1), '') = name AS elsewhere, length(name) AS size
              FROM search_entry WHERE search_entry MATCH ? LIMIT 100)
            ORDER BY elsewhere, size, entry LIMIT ?
            """), arguments: [match, limit])
    }

    /// The firms and persons of `entries` (2 × id, 2 × id + 1), in that order.
    private static func records(_ entries: [Int64], db: Database) throws -> [SearchHit] {
        guard !entries.isEmpty else { return [] }
        let values = Array(repeating: "(?, ?)", count: entries.count).joined(separator: ", ")
        var arguments: [DatabaseValueConvertible] = []
        for (position, entry) in entries.enumerated() { arguments += [entry, position] }
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            WITH ranked(entry, position) AS (VALUES \(values))
            SELECT r.entry, f.id, f.name, f.ico, f.city, f.email, f.phone,
                   p.id, p.title_before, p.first, p.last, p.title_after, p.email, coalesce(p.mobile, p.phone), pf.id, pf.name
            FROM ranked r
            LEFT JOIN firm f ON r.entry % 2 = 0 AND f.id = r.entry / 2
            LEFT JOIN person p ON r.entry % 2 = 1 AND p.id = r.entry / 2
            LEFT JOIN firm pf ON pf.id = p.firm_id
            ORDER BY r.position
            """), arguments: StatementArguments(arguments))
        return rows.compactMap { row in
            if let firmId: Int64 = row[1] {
                let detail = [(row[3] as String?).map { "IČO \($0)" }, row[4] as String?].compactMap { $0 }.joined(separator: ", ")
                return SearchHit(kind: .firm, id: firmId, title: row[2], detail: detail, firmId: firmId, email: row[5], phone: row[6])
            }
            if let personId: Int64 = row[7] {
                let name = PersonName(titleBefore: row[8], first: row[9], last: row[10], titleAfter: row[11])
                return SearchHit(kind: .person, id: personId, title: name.withTitles, detail: row[15] ?? "", firmId: row[14] ?? 0,
                                 email: row[12], phone: row[13])
            }
            return nil
        }
    }

    /// The FTS5 query for typed words: each a quoted term ("nov" "jan"), with `prefix` each a
    /// quoted prefix ("nov"* "jan"*), so no character of the input is FTS syntax. A single
    /// letter stays a whole word: as a prefix it would match a third of the index.
    static func matchExpression(_ text: String, prefix: Bool) -> String? {
        let words = text.split { !($0.isLetter || $0.isNumber) }.prefix(8)
        guard !words.isEmpty else { return nil }
        return words.map { "\"\($0)\"" + (prefix && $0.count > 1 ? "*" : "") }.joined(separator: " ")
    }
}
