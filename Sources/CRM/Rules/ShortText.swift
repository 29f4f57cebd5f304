// The contact's short text: at most 250 characters, as the seed specification says.

public enum ShortText {
    public static let limit = 250

    /// The trimmed text, or an error when it is empty or too long. Never truncates: a cut
    /// sentence in the history is worse than asking the user to move the rest to the note.
    public static func validate(_ text: String, field: String = "text") throws -> String {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty else {
            throw ValidationError(field: field, message: "a contact needs a short text (at most \(limit) characters)")
        }
        guard trimmed.count <= limit else {
            throw ValidationError(field: field, message: "the short text has \(trimmed.count) characters but at most \(limit) are allowed; put the rest into the note")
        }
        return trimmed
    }
}
