// What a message read back from the bounce mailbox says: a bounce with its recipients (every
// per-recipient block of a DSN, not only the first), a complaint, an auto-reply, or a message a
// person wrote — and the traces of the original message by which it finds its journal row.

public struct BouncedRecipient: Sendable, Equatable {
    /// The address that failed, lower-cased.
    public let address: String
    public let kind: BounceKind
    public let status: StatusCode?
    /// The receiving server's words (`smtp; 550 5.1.1 <x@y>: user unknown`), or the line of a
    /// non-standard bounce that names the address.
    public let diagnostic: String?
}

public struct BounceReport: Sendable {
    public enum Kind: String, Sendable {
        /// A delivery status notification or a non-standard bounce: `recipients` say who.
        case bounce
        /// An ARF feedback report (RFC 5965): the recipient marked the message as spam.
        case complaint
        /// An automatic answer (RFC 3834: out of office, vacation): never a bounce.
        case autoReply = "auto-reply"
        /// Neither: a person's reply, left where it is.
        case other
    }

    public var kind: Kind
    public var recipients: [BouncedRecipient] = []
    /// For a complaint: the recipient who complained, when the report says.
    public var complainant: String?
    /// The feedback type of a complaint (`abuse`, `fraud` …).
    public var feedbackType: String?
    /// The addresses the report was sent to (To, Delivered-To, X-Original-To, Envelope-To): a
    /// VERP address among them names the journal row.
    public var deliveredTo: [String] = []
    /// The original message's Message-ID, from the returned message or its headers.
    public var originalMessageID: String?
    /// The original message's recipients (its To), for a bounce that names nobody itself.
    public var originalRecipients: [String] = []
    /// Whether this is a DSN as RFC 3464 (or RFC 6533) defines it, or read from plain words.
    public var isStandard = false

    /// The recipients whose delivery failed for good (hard, soft or policy).
    public var failed: [BouncedRecipient] { recipients.filter { $0.kind.isFailure } }
    /// The recipients still being tried (`Action: delayed`).
    public var delayed: [BouncedRecipient] { recipients.filter { $0.kind == .delayed } }
}
