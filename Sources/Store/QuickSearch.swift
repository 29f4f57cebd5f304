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
    /// The best `limit` matches of `text` (of its first 200 matches); every word must match the
    /// start of a word of the record. Nothing for text without letters or digits.
    public static func find(_ text: String, limit: Int, db: Database) throws -> [SearchHit] {
        guard let match = matchExpression(text) else { return [] }
        // Ranking every match of a common prefix ("nov": 80,000 of them) costs 90 ms; the first
        // 200 matches in index order, ranked, cost 3. A query specific enough to want more than
        // the first 200 has fewer than 200 matches. bm25 weighs names ten times the rest.
        let rows = try Row.fetchAll(db, sql: """
            WITH matched AS (SELECT rowid AS entry, bm25(search_entry, 10.0, 1.0) AS rank FROM search_entry WHERE search_entry MATCH ? LIMIT 200),
                 ranked AS (SELECT entry, rank FROM matched ORDER BY rank LIMIT ?)
            SELECT r.entry, f.id, f.name, f.ico, f.city, f.email, f.phone,
                   p.id, p.title_before, p.first, p.last, p.title_after, p.email, coalesce(p.mobile, p.phone), pf.id, pf.name
            FROM ranked r
            LEFT JOIN firm f ON r.entry % 2 = 0 AND f.id = r.entry / 2
            LEFT JOIN person p ON r.entry % 2 = 1 AND p.id = r.entry / 2
            LEFT JOIN firm pf ON pf.id = p.firm_id
            ORDER BY r.rank
            """, arguments: [match, limit])
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

    /// The FTS5 query for typed text: each word a quoted prefix ("nov"* AND "jan"*), so no
    /// character of the input is FTS syntax. A phone number becomes one run of digits.
    static func matchExpression(_ text: String) -> String? {
        if SearchTerms.looksLikePhone(text) {
            let digits = SearchTerms.phoneQuery(text)
            guard !digits.isEmpty else { return nil }
            // "00177041" is an IČO as typed, or a phone number after an international 00.
            let typed = text.filter { $0.isASCII && $0.isNumber }
            return typed == digits ? "\"\(digits)\"*" : "\"\(typed)\"* OR \"\(digits)\"*"
        }
        let words = text.split { !($0.isLetter || $0.isNumber) }.prefix(8)
        guard !words.isEmpty else { return nil }
        return words.map { "\"\($0)\"*" }.joined(separator: " ")
    }
}
