// Collecting every error of a record, so an import reports all of them at once.

/// All the rule violations found in one record. Thrown as one error; its description lists
/// each on its own line.
public struct ValidationErrors: Error, Sendable, CustomStringConvertible {
    public private(set) var errors: [ValidationError] = []

    public init(_ errors: [ValidationError] = []) { self.errors = errors }

    public mutating func add(field: String, _ message: String) {
        errors.append(ValidationError(field: field, message: message))
    }

    /// Runs `body`, keeping any validation errors it throws instead of stopping.
    public mutating func capture(_ body: () throws -> Void) {
        do { try body() } catch let error as ValidationError {
            errors.append(error)
        } catch let error as ValidationErrors {
            errors.append(contentsOf: error.errors)
        } catch {
            errors.append(ValidationError(field: "record", message: "\(error)"))
        }
    }

    public func throwIfAny() throws {
        if errors.count == 1 { throw errors[0] }
        if !errors.isEmpty { throw self }
    }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
