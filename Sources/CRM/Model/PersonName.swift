// A person's name with academic titles, written the Czech way.

/// `Ing. Jan Novák, Ph.D.`: titles before the name, first and last name, titles after it
/// behind a comma.
public struct PersonName: Hashable, Sendable {
    public var titleBefore: String?
    public var first: String
    public var last: String
    public var titleAfter: String?

    public init(titleBefore: String? = nil, first: String, last: String, titleAfter: String? = nil) {
        self.titleBefore = titleBefore; self.first = first; self.last = last; self.titleAfter = titleAfter
    }

    /// First and last name only.
    public var plain: String { [first, last].filter { !$0.isEmpty }.joined(separator: " ") }

    /// The name with titles, as on an envelope.
    public var withTitles: String {
        var text = [titleBefore ?? "", plain].filter { !$0.isEmpty }.joined(separator: " ")
        if let titleAfter { text += ", " + titleAfter }
        return text
    }
}
