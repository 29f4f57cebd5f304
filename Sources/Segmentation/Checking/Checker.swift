// Resolves the names of a parsed expression and types its values, against the vocabulary.

import CRM

/// Turns a syntax tree into a `Condition`, or throws a `SegmentError` at the offending part:
/// an unknown or ambiguous name, an operator the field's type does not have, a value of the
/// wrong type or outside the field's code list.
struct Checker {
    let vocabulary: Vocabulary
    let target: EntityKind
    let today: CivilDate
    let source: String

    private func error(_ message: String, _ range: Range<Int>) -> SegmentError {
        SegmentError(message, at: range, in: source)
    }

    // MARK: - Boolean structure

    func check(_ expression: Expression) throws -> Condition {
        try check(expression, onContact: false)
    }

    private func check(_ expression: Expression, onContact: Bool) throws -> Condition {
        switch expression {
        case .and(let left, let right):
            return .all(flatten(try check(left, onContact: onContact), try check(right, onContact: onContact), all: true))
        case .or(let left, let right):
            return .any(flatten(try check(left, onContact: onContact), try check(right, onContact: onContact), all: false))
        case .not(let operand, _):
            return .not(try check(operand, onContact: onContact))
        case .predicate(let predicate):
            return onContact ? try checkContactPredicate(predicate) : try checkPredicate(predicate)
        case .history(let history):
            guard !onContact else { throw error("a history predicate cannot stand inside the conditions on a contact", history.range) }
            return .history(try checkHistory(history))
        }
    }

    private func flatten(_ left: Condition, _ right: Condition, all: Bool) -> [Condition] {
        func parts(_ condition: Condition) -> [Condition] {
            switch (condition, all) {
            case (.all(let items), true), (.any(let items), false): return items
            default: return [condition]
            }
        }
        return parts(left) + parts(right)
    }

    // MARK: - Names

    private func checkPredicate(_ predicate: Predicate) throws -> Condition {
        let (field, viaPerson) = try resolve(predicate.name)
        let condition = try test(field, predicate.test, name: predicate.name)
        return viaPerson ? .somePerson(condition) : condition
    }

    private func checkContactPredicate(_ predicate: Predicate) throws -> Condition {
        let name = predicate.name
        guard name.parts.count == 1, let field = vocabulary.field(named: name.parts[0], of: .contact) else {
            let fields = BuiltInFields.contact.map(\.name)
            throw error("\"\(name.spelling)\" is not a field of a contact: a contact has \(fields.joined(separator: ", "))\(NearestMatch.hint(for: name.spelling, among: fields))", name.range)
        }
        return try test(field, predicate.test, name: name)
    }

    /// The field a name means on this segment's target, and whether it is a person's field
    /// tested on a firm segment (true when any of the firm's persons passes).
    private func resolve(_ name: Name) throws -> (Field, viaPerson: Bool) {
        if name.parts.count == 2, let prefix = Owner(prefix: name.parts[0]) {
            guard let field = vocabulary.field(named: name.parts[1], of: prefix) else {
                throw unknown(name.parts[1], range: name.range, on: [prefix])
            }
            return (field, target == .firm && prefix == .person)
        }
        guard name.parts.count == 1 else {
            throw error("\"\(name.spelling)\" is not a field: a name is NAME, firm.NAME or person.NAME", name.range)
        }
        let word = name.parts[0]
        let personField = vocabulary.field(named: word, of: .person)
        let firmField = vocabulary.field(named: word, of: .firm)
        switch target {
        case .person:
            if let personField, let firmField {
                // Built-in fields both have (email, phone, note, id) are the person's own here.
                let bothBuiltIn = !personField.isAttribute && !firmField.isAttribute
                guard bothBuiltIn else {
                    throw error("\"\(word)\" is both a person \(personField.kindDescription) and a firm \(firmField.kindDescription): write person.\(word) or firm.\(word)", name.range)
                }
                return (personField, false)
            }
            if let field = personField ?? firmField { return (field, false) }
        case .firm:
            if let firmField { return (firmField, false) }
            if personField != nil {
                throw error("\"\(word)\" is a field of persons; on a firm segment write person.\(word) (true when any of the firm's persons matches)", name.range)
            }
        }
        if Parser.contactFieldNames.contains(word.lowercased()) {
            throw error("\"\(word)\" is a field of a contact: test it inside a history predicate, e.g. has contact where \(word) …", name.range)
        }
        throw unknown(word, range: name.range, on: [.person, .firm])
    }

    private func unknown(_ word: String, range: Range<Int>, on owners: [Owner]) -> SegmentError {
        let owners = target == .firm && owners.count > 1 ? [Owner.firm] : owners
        let fields = owners.flatMap(vocabulary.fields(of:))
        let builtIn = fields.filter { !$0.isAttribute }.map(\.name)
        let attributes = fields.filter(\.isAttribute).map(\.name)
        let whose = owners.count == 1 ? (owners[0] == .firm ? "firm " : "person ") : ""
        var message = "there is no \(whose)field or attribute \"\(word)\""
        message += NearestMatch.hint(for: word, among: Array(Set(builtIn + attributes)).sorted())
        message += attributes.isEmpty ? "; no attributes are defined" : "; attributes: \(Array(Set(attributes)).sorted().joined(separator: ", "))"
        return error(message, range)
    }

    // MARK: - Tests and values

    private func test(_ field: Field, _ test: Test, name: Name) throws -> Condition {
        let label = name.spelling
        switch test {
        case .flag:
            guard field.type == .boolean else {
                throw error("\(label) is \(field.type.described), not yes/no: compare it with a value (\(label) = …) or test \(label) is not empty", name.range)
            }
            return .test(field, .isTrue)
        case .compare(let comparison, let literal):
            if field.type == .boolean {
                guard comparison == .equal || comparison == .notEqual else {
                    throw error("\(label) is yes/no, which has no order: use = or !=", literal.range)
                }
                let positive = Condition.test(field, .isTrue)
                return (comparison == .equal) == (try boolean(literal, label: label)) ? positive : .not(positive)
            }
            switch comparison {
            case .equal: return .test(field, .equalsAny([try value(literal, for: field, label: label)]))
            case .notEqual: return .not(.test(field, .equalsAny([try value(literal, for: field, label: label)])))
            default:
                try requireOrder(field, label: label, at: literal.range)
                return .test(field, .order(comparison, try value(literal, for: field, label: label, ordering: true)))
            }
        case .among(let literals, let negated):
            if field.type == .boolean { throw error("\(label) is yes/no: write \(label) or not \(label)", name.range) }
            let values = try literals.map { try value($0, for: field, label: label) }
            let condition = Condition.test(field, .equalsAny(values))
            return negated ? .not(condition) : condition
        case .between(let low, let high):
            try requireOrder(field, label: label, at: name.range)
            return .test(field, .between(try value(low, for: field, label: label, ordering: true), try value(high, for: field, label: label, ordering: true)))
        case .contains(let literal), .startsWith(let literal):
            guard field.type == .text else {
                throw error("contains and starts with look into text, and \(label) is \(field.type.described): use = or in", name.range)
            }
            let needle = Folding.fold(try text(literal, label: label))
            if case .contains = test { return .test(field, .contains(needle)) }
            return .test(field, .startsWith(needle))
        case .empty(let negated):
            if [.boolean, .status, .gender, .outcome, .contactDate].contains(field.type) {
                throw error("\(label) always has a value, so it cannot be empty", name.range)
            }
            let condition = Condition.test(field, .isEmpty)
            return negated ? .not(condition) : condition
        }
    }

    private func requireOrder(_ field: Field, label: String, at range: Range<Int>) throws {
        switch field.type {
        case .text, .number, .date, .contactDate, .code(_, .number), .code(_, .date): return
        default:
            throw error("\(label) is \(field.type.described), which has no order: use =, !=, in or not in", range)
        }
    }

    /// A literal as a value of the field's type.
    private func value(_ literal: Literal, for field: Field, label: String, ordering: Bool = false) throws -> TypedValue {
        switch field.type {
        case .text:
            let raw = try text(literal, label: label)
            // Equality is folded; order compares the text as typed, by Czech collation.
            return .text(ordering ? raw : Folding.fold(raw))
        case .number:
            return .number(try number(literal, label: label))
        case .date, .contactDate:
            return .date(try date(literal, label: label))
        case .boolean:
            return .number(try boolean(literal, label: label) ? 1 : 0)
        case .code(let list, let valueType):
            return try code(literal, list: list, valueType: valueType, label: label)
        case .role:
            return .text(try converting(literal, label: label) { try Role(parsing: $0, field: label).rawValue })
        case .gender:
            return .text(try converting(literal, label: label) { try Gender(parsing: $0, field: label).rawValue })
        case .status:
            return .text(try converting(literal, label: label) { try ContactStatus(parsing: $0, field: label).rawValue })
        case .outcome:
            return .text(try converting(literal, label: label) { try Outcome(parsing: $0, field: label).rawValue })
        case .country:
            return .text(Country(try text(literal, label: label)).code)
        case .referent:
            let typed = try text(literal, label: label)
            if let code = vocabulary.referents.first(where: { Folding.fold($0) == Folding.fold(typed) }) { return .text(code) }
            let known = vocabulary.referents.isEmpty ? "no referents are defined" : "expected one of \(vocabulary.referents.joined(separator: ", "))"
            throw error("\"\(typed)\" is not a referent: \(known)\(NearestMatch.hint(for: typed, among: vocabulary.referents))", literal.range)
        }
    }

    /// Runs a CRM parser on the literal's text, turning its error into one at the literal.
    private func converting(_ literal: Literal, label: String, _ parse: (String) throws -> String) throws -> String {
        let typed = try text(literal, label: label)
        do { return try parse(typed) } catch let failure as ValidationError {
            throw error(failure.message, literal.range)
        }
    }

    private func code(_ literal: Literal, list: String, valueType: AttributeType, label: String) throws -> TypedValue {
        let code = try converting(literal, label: label) { try vocabulary.schema.codeBook.resolve($0, in: list, field: label).code }
        switch valueType {
        case .text: return .text(code)
        case .number:
            guard let number = NumberText.parse(code) else {
                throw error("the code \"\(code)\" of list \"\(list)\" is not a number, but \(label) is numeric", literal.range)
            }
            return .number(number)
        case .date:
            guard let date = try? CivilDate(parsing: code) else {
                throw error("the code \"\(code)\" of list \"\(list)\" is not a date, but \(label) holds dates", literal.range)
            }
            return .date(date)
        }
    }

    private func text(_ literal: Literal, label: String) throws -> String {
        switch literal.value {
        case .text(let text), .word(let text): return text
        case .number, .date: return literal.spelling
        case .today: throw error("\(label) is not a date, so today cannot be compared with it", literal.range)
        }
    }

    private func number(_ literal: Literal, label: String) throws -> Double {
        switch literal.value {
        case .number(let number): return number
        case .text(let text):
            let hint = NumberText.parse(text) != nil ? ": write the number without quotes" : ""
            throw error("\(label) is a number, but \(literal.spelling) is text\(hint)", literal.range)
        default:
            throw error("\(label) is a number, but \(literal.spelling) is not: expected e.g. 50, 1 500 or 1500,5", literal.range)
        }
    }

    private func date(_ literal: Literal, label: String) throws -> CivilDate {
        switch literal.value {
        case .date(let date): return date
        case .today(let offsets):
            var date = today
            for offset in offsets {
                guard let shifted = date.shifted(by: offset) else {
                    throw error("\(literal.spelling) falls outside the years 1 to 9999", literal.range)
                }
                date = shifted
            }
            return date
        default:
            throw error("\(label) is a date, but \(literal.spelling) is not: expected e.g. 2026-01-31, 31.1.2026, today or today - 90d", literal.range)
        }
    }

    private func boolean(_ literal: Literal, label: String) throws -> Bool {
        let word: String
        switch literal.value {
        case .word(let text), .text(let text): word = Folding.fold(text)
        case .number(let number) where number == 0 || number == 1: return number == 1
        default: word = ""
        }
        switch word {
        case "yes", "true", "ano", "y", "a": return true
        case "no", "false", "ne", "n": return false
        default: throw error("\(label) is yes/no, but \(literal.spelling) is neither: expected yes or no (true/false, ano/ne)", literal.range)
        }
    }

    // MARK: - History

    private func checkHistory(_ history: History) throws -> HistoryCondition {
        let link: HistoryCondition.Link
        switch (target, history.scope) {
        case (.person, .own), (.person, .person): link = .person
        case (.person, .firm): link = .personsFirm
        case (.firm, .own), (.firm, .firm): link = .firm
        case (.firm, .person):
            throw error("on a firm segment the history already includes the contacts of the firm's persons: leave out \"person.\"", history.scopeRange ?? history.range)
        }
        func contactCondition(_ expression: Expression?) throws -> Condition? {
            try expression.map { try check($0, onContact: true) }
        }
        func entries(_ expression: Expression?) -> HistoryCondition.Entries {
            expression.map(Checker.namesStatus) == true ? .all : .contacts
        }
        switch history.kind {
        case .hasContact(let condition):
            return HistoryCondition(link: link, kind: .exists(try contactCondition(condition)), entries: entries(condition))
        case .hasOpenTask(let condition):
            return HistoryCondition(link: link, kind: .exists(try contactCondition(condition)), entries: .openTasks)
        case .noContactSince(let literal):
            return HistoryCondition(link: link, kind: .noneSince(try date(literal, label: "no contact since")), entries: .contacts)
        case .extreme(let first, let predicate):
            let condition = try checkContactPredicate(predicate)
            return HistoryCondition(link: link, kind: .extreme(first: first, condition), entries: entries(.predicate(predicate)))
        case .count(let condition, let comparison, let literal):
            let count = try number(literal, label: "the number of contacts")
            guard count >= 0, count.rounded() == count, count < 1e9 else {
                throw error("the number of contacts is a whole number, not \(literal.spelling)", literal.range)
            }
            return HistoryCondition(link: link, kind: .count(try contactCondition(condition), comparison, Int(count)), entries: entries(condition))
        }
    }

    /// Whether conditions on a contact name its status: then they choose among tasks and
    /// contacts themselves.
    static func namesStatus(_ expression: Expression) -> Bool {
        switch expression {
        case .and(let left, let right), .or(let left, let right): return namesStatus(left) || namesStatus(right)
        case .not(let operand, _): return namesStatus(operand)
        case .predicate(let predicate): return predicate.name.parts.last?.lowercased() == "status"
        case .history: return false
        }
    }
}

extension Owner {
    init?(prefix: String) {
        switch prefix.lowercased() {
        case "firm", "firma": self = .firm
        case "person", "osoba": self = .person
        default: return nil
        }
    }
}

extension Field {
    var isAttribute: Bool {
        if case .attribute = storage { return true }
        return false
    }

    var kindDescription: String { isAttribute ? "attribute" : "field" }
}

extension CivilDate {
    /// `today - 6m`: months and years keep the day, clamped to the month's length.
    func shifted(by offset: DateOffset) -> CivilDate? {
        switch offset.unit {
        case .days, .weeks:
            let shifted = adding(days: offset.sign * offset.amount * (offset.unit == .weeks ? 7 : 1))
            return (1...9999).contains(shifted.year) ? shifted : nil
        case .months, .years:
            let months = offset.sign * offset.amount * (offset.unit == .years ? 12 : 1)
            let index = year * 12 + (month - 1) + months
            guard index >= 12 else { return nil }
            let newYear = index / 12, newMonth = index % 12 + 1
            return CivilDate(year: newYear, month: newMonth, day: min(self.day, CivilDate.daysIn(month: newMonth, year: newYear)))
        }
    }
}
