// Random input never crashes the engine and never reaches SQLite as an error: every string
// is either a clean segment that runs, or a clean SegmentError that points into it.

import CRM
import Foundation
import GRDB
import Store
import Testing
@testable import Segmentation

@Suite(.serialized) struct PropertyTests {
    let fixture: Fixture

    init() throws { fixture = try Fixture() }

    /// Words, values and symbols of the language, and things that are not.
    static let fragments = [
        "territory", "industry", "employees", "founded", "region", "rating", "seniority", "interest", "email", "emailConsent",
        "role", "gender", "city", "name", "last", "first", "id", "country", "firm", "person", ".", "kind", "status", "result",
        "outcome", "referent", "date", "text", "note", "=", "!=", "<>", "<", "<=", ">", ">=", "in", "not", "between", "and", "or",
        "contains", "starts", "with", "is", "empty", "(", ")", ",", "'", "\"", "„", "“", "has", "contact", "contacts", "where",
        "open", "task", "no", "since", "last", "first", "today", "-", "+", "90d", "6m", "2w", "1y", "50", "1 500,5", "-3",
        "2026-01-31", "31.1.2026", "2026-02-30", "morava", "Morava", "'Čechy'", "\"strojírenství\"", "automotive", "customer",
        "prospect", "supplier", "meeting", "contract", "novak", "yes", "no", "f", "m", "'x''y'", "ž", "!", ";", "%", "_", "\\",
        "'); DROP TABLE firm; --", "\u{0}", "\n", "\t", "9999999999999999999999", "1e400", "%", "*",
    ]

    @Test func randomFragmentsGiveASegmentOrACleanError() throws {
        var random = SeededRandom(seed: 20261129)
        var segments = 0, errors = 0
        try fixture.database.read { db in
            for _ in 0..<12_000 {
                var fragments = PropertyTests.expression(&random, depth: 0)
                // Half of the cases are broken on purpose: a fragment dropped, replaced or added.
                if random.below(2) == 0, !fragments.isEmpty {
                    let index = random.below(fragments.count)
                    switch random.below(3) {
                    case 0: fragments.remove(at: index)
                    case 1: fragments[index] = random.pick(PropertyTests.fragments)
                    default: fragments.insert(random.pick(PropertyTests.fragments), at: index)
                    }
                }
                let source = fragments.joined(separator: random.below(8) == 0 ? "" : " ")
                let target: EntityKind = random.below(3) == 0 ? .firm : .person
                try exercise(source, target: target, db: db, segments: &segments, errors: &errors)
            }
        }
        // Both outcomes occur often, so the cases reach the checker and SQLite, not only the lexer.
        #expect(segments > 1_500)
        #expect(errors > 1_500)
    }

    /// A plausible expression from the grammar, as fragments.
    static func expression(_ random: inout SeededRandom, depth: Int) -> [String] {
        switch depth < 3 ? random.below(7) : 6 {
        case 0: return expression(&random, depth: depth + 1) + [random.pick(["and", "or"])] + expression(&random, depth: depth + 1)
        case 1: return ["not"] + expression(&random, depth: depth + 1)
        case 2: return ["("] + expression(&random, depth: depth + 1) + [")"]
        case 3:
            let scope = random.below(4) == 0 ? ["firm", "."] : []
            switch random.below(5) {
            case 0: return scope + ["has", "contact"] + (random.below(2) == 0 ? ["where"] + contactTest(&random) : [])
            case 1: return scope + ["has", "open", "task"]
            case 2: return scope + ["no", "contact", "since", random.pick(["today - 90d", "2026-01-31", "1.1.2025"])]
            case 3: return scope + [random.pick(["last", "first"]), "contact", "."] + contactTest(&random)
            default: return scope + ["contacts"] + (random.below(2) == 0 ? ["where"] + contactTest(&random) : []) + [random.pick([">=", "=", "<"]), random.pick(["0", "1", "3"])]
            }
        default:
            let (name, values) = random.pick(fieldValues)
            let value = random.pick(values)
            switch random.below(8) {
            case 0: return [name, "in", "(", value, ",", random.pick(values), ")"]
            case 1: return [name, "not", "in", "(", value, ")"]
            case 2: return [name, "between", value, "and", random.pick(values)]
            case 3: return [name, random.pick(["contains", "starts with"]), value]
            case 4: return [name, "is", random.pick(["empty", "not empty"])]
            case 5: return [name]
            default: return [name, random.pick(["=", "!=", "<", "<=", ">", ">="]), value]
            }
        }
    }

    static func contactTest(_ random: inout SeededRandom) -> [String] {
        let (name, values) = random.pick(contactValues)
        return [name, random.pick(["=", "!=", ">=", "<"]), random.pick(values)]
    }

    static let fieldValues: [(String, [String])] = [
        ("territory", ["morava", "'Čechy'", "praha", "50"]), ("industry", ["automotive", "\"strojírenství\"", "it"]),
        ("employees", ["50", "1 500,5", "-3", "'50'"]), ("founded", ["2000-01-01", "today - 6m", "31.1.2026"]),
        ("region", ["'kraj'", "olomoucky"]), ("firm.rating", ["2,5", "3"]), ("person.rating", ["5"]), ("seniority", ["3", "10"]),
        ("interest", ["servis", "akce"]), ("email", ["'x@y.cz'", "novak"]), ("emailConsent", ["yes", "no"]), ("role", ["customer", "supplier"]),
        ("gender", ["f", "m"]), ("city", ["Brno", "'Plzeň'"]), ("last", ["'Novák'", "Chalupová"]), ("id", ["1", "3"]),
        ("person.function", ["jednatel"]), ("name", ["'Alfa'"]),
    ]

    static let contactValues: [(String, [String])] = [
        ("kind", ["meeting", "call"]), ("result", ["contract", "promise"]), ("date", ["today - 90d", "2026-06-01"]),
        ("referent", ["novak"]), ("status", ["task", "contact"]), ("outcome", ["success", "failure"]), ("text", ["'x'"]),
    ]

    @Test func hostileShapesGiveASegmentOrACleanErrorQuickly() throws {
        var random = SeededRandom(seed: 13)
        var segments = 0, errors = 0
        try fixture.database.read { db in
            for _ in 0..<150 {
                let count = random.number(1...3_000)
                let source: String
                switch random.below(6) {
                case 0: source = String(repeating: random.pick(["not ", "(", "not ("]), count: count) + "role = customer" + String(repeating: ")", count: random.below(count + 1))
                case 1: source = (0..<count).map { "id = \($0)" }.joined(separator: random.pick([" or ", " and ", " and not "]))
                case 2: source = "id in (" + (0..<count).map(String.init).joined(separator: ", ") + ")"
                case 3: source = "founded < " + String(repeating: "9", count: random.number(1...40)) + "-" + String(repeating: "1", count: random.number(1...40)) + "-01"
                case 4: source = "employees > " + String(repeating: "9", count: random.number(1...400))
                default: source = "has contact where " + (0..<random.number(1...300)).map { _ in "kind = meeting" }.joined(separator: " and ")
                }
                try exercise(source, target: random.below(2) == 0 ? .person : .firm, db: db, segments: &segments, errors: &errors)
            }
        }
        #expect(segments > 20 && errors > 20, "segments \(segments), errors \(errors)")
    }

    @Test func randomCharactersGiveASegmentOrACleanError() throws {
        var random = SeededRandom(seed: 7)
        var segments = 0, errors = 0
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzáčďéěíňóřšťúůýž ABCZ0123456789.,;:()'\"=!<>-+_*%\\\n\t„“") + ["\u{0}", "\u{301}", "😀"]
        try fixture.database.read { db in
            for _ in 0..<8_000 {
                let source = String((0..<random.below(40)).map { _ in random.pick(alphabet) })
                try exercise(source, target: .person, db: db, segments: &segments, errors: &errors)
            }
        }
        #expect(errors > 0)
    }

    /// Checks one input: a SegmentError must point inside the text (or at its end); a segment
    /// must count and list without any database error.
    private func exercise(_ source: String, target: EntityKind, db: Database, segments: inout Int, errors: inout Int) throws {
        let started = Date()
        defer {
            let elapsed = Date().timeIntervalSince(started)
            #expect(elapsed < 2, "\(source.prefix(200).debugDescription) took \(elapsed) s")
        }
        let segment: Segment
        do {
            segment = try Segment(source, target: target, vocabulary: fixture.vocabulary, today: Fixture.today)
        } catch let error as SegmentError {
            errors += 1
            if let range = error.range {
                #expect(range.lowerBound >= 0 && range.upperBound <= source.count + 1, "\(source.debugDescription): \(error)")
            }
            _ = error.description // renders without trapping
            return
        }
        segments += 1
        do {
            let count = try segment.count(db: db)
            let selection = target == .person ? Selection.persons(filter: segment.filter, limit: nil) : Selection.firms(filter: segment.filter, limit: nil)
            let listed = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(selection.sql))", arguments: StatementArguments(selection.arguments))
            #expect(count == listed, "\(source.debugDescription)")
            // The same segment selecting the other entity (a firm segment's persons …) runs too.
            _ = try Selection.count(segment.filter(selecting: target == .person ? .firm : .person), db: db)
        } catch {
            Issue.record("\(source.debugDescription) checked but SQLite refused it: \(error)\n\(segment.sqlDescription)")
        }
    }
}
