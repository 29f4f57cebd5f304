// `--set NAME=VALUE`: one typed-in attribute value, checked against the schema.

public struct AttributeAssignment: Sendable, Equatable {
    public var name: String
    /// The raw text; empty removes the value.
    public var raw: String

    public init(name: String, raw: String) { self.name = name; self.raw = raw }

    /// Parses `NAME=VALUE` as typed on the command line.
    public init(parsing text: String) throws {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw ValidationError(field: "--set", message: "\"\(text)\" is not an attribute assignment: expected NAME=VALUE, e.g. territory=Morava")
        }
        name = String(text[..<equals]).trimmingSpaces
        raw = String(text[text.index(after: equals)...])
    }

    /// Checks each assignment and writes the typed values (or removes blank ones).
    public static func apply(_ assignments: [AttributeAssignment], on entity: EntityKind, schema: AttributeSchema,
                             to attributes: inout [String: AttributeValue]) throws {
        var errors = ValidationErrors()
        for assignment in assignments {
            errors.capture {
                let definition = try schema.definition(named: assignment.name, on: entity)
                if assignment.raw.trimmingSpaces.isEmpty {
                    attributes[definition.name] = nil
                } else {
                    attributes[definition.name] = try schema.value(for: definition, raw: assignment.raw, field: definition.name)
                }
            }
        }
        try errors.throwIfAny()
    }
}
