// A business letter's parts, as ČSN 01 6910 arranges them on A4 for window envelopes.

/// Where the recipient's address stands: 20 mm from the left edge, or 119 mm.
public enum AddressWindow: String, Sendable {
    case left
    case right

    var left: Millimetres { self == .left ? 20 : 119 }
}

/// The reference line's labels: Czech by default, any language by giving others.
public struct ReferenceLabels: Sendable, Equatable {
    public var yourLetter = "Váš dopis značky / ze dne"
    public var ourReference = "Naše značka"
    public var handledBy = "Vyřizuje / linka"
    public var date = "Datum"

    public init() {}
}

public struct Letter: Sendable, Equatable {
    /// The sender's header: a few lines, ending 30 mm below the top.
    public var sender: [String]
    /// The recipient's address block (ČSN 01 6910).
    public var recipient: [String]
    public var yourReference = ""
    public var ourReference = ""
    public var handledBy = ""
    public var date = ""
    /// Bold, above the salutation.
    public var subject: String
    public var salutation: String
    /// Paragraphs of Pango markup; a list item starts with "• ".
    public var paragraphs: [String]
    public var closing = "S pozdravem"
    /// Under the closing, after room for the hand signature: name, function, firm.
    public var signature: [String] = []

    public init(sender: [String], recipient: [String], subject: String, salutation: String, paragraphs: [String]) {
        self.sender = sender
        self.recipient = recipient
        self.subject = subject
        self.salutation = salutation
        self.paragraphs = paragraphs
    }
}

/// Layout choices that hold for every letter of a run.
public struct LetterOptions: Sendable, Equatable {
    public var window: AddressWindow = .right
    /// Marks at the left edge where an A4 is folded in three for a DL envelope (99 and 198 mm)
    /// and where it is punched (148.5 mm).
    public var foldMarks = false
    public var labels = ReferenceLabels()
    /// Words after which a line may not break (Czech: the one-letter prepositions and
    /// conjunctions); empty for languages without the rule.
    public var bindingWords: Set<String> = ["v", "k", "s", "z", "o", "u", "a", "i", "V", "K", "S", "Z", "O", "U", "A", "I"]

    public init() {}
}
