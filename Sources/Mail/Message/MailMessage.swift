// An e-mail message as Kontakt composes it: who, what, and the parts; `MessageWriter` turns it
// into RFC 5322 bytes.

public struct MailMessage: Sendable {
    public var from: MailAddress
    public var to: [MailAddress]
    public var cc: [MailAddress] = []
    /// Blind copies are envelope recipients only: they are never written into the message.
    public var bcc: [MailAddress] = []
    public var replyTo: [MailAddress] = []
    public var subject: String
    /// The plain-text body; its line breaks may be LF, CRLF or CR.
    public var text: String
    /// An HTML alternative to the text, when there is one.
    public var html: String?
    public var attachments: [Attachment] = []
    /// One-click unsubscription links (mailto: and/or https:).
    public var listUnsubscribe: [String] = []
    /// Set by the writer when nil.
    public var messageID: String?
    public var date: MailDate?

    public init(from: MailAddress, to: [MailAddress], subject: String, text: String, html: String? = nil) {
        self.from = from; self.to = to; self.subject = subject; self.text = text; self.html = html
    }

    /// Every address the message is delivered to (the SMTP envelope).
    public var recipients: [MailAddress] { to + cc + bcc }
}
