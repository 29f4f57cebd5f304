// Serialises a message to RFC 5322 / MIME bytes: CRLF line ends, no line beyond 998 octets,
// non-ASCII only where MIME encodes it.

/// A message as bytes, ready for the Outbox or an SMTP DATA command.
public struct RenderedMessage: Sendable {
    public let bytes: [UInt8]
    public let messageID: String
    /// The SMTP envelope: MAIL FROM, and RCPT TO for every To, Cc and Bcc address (Bcc is in
    /// no header, so only the envelope carries it).
    public let envelopeFrom: String
    public let envelopeTo: [String]
}

public enum MessageWriter {
    /// The message's bytes. Text parts are quoted-printable UTF-8, attachments base64; with an
    /// HTML part the body is `multipart/alternative`, with attachments that sits inside
    /// `multipart/mixed`. Display names and the subject are RFC 2047 encoded-words when not
    /// plain ASCII; attachment names RFC 2231 parameters. Control characters in any merged
    /// text become spaces, so nothing can start a header of its own.
    public static func render(_ message: MailMessage) throws -> RenderedMessage {
        guard !message.recipients.isEmpty else { throw MailError.incomplete("it has no recipient") }
        let messageID = message.messageID ?? MessageID.make(domain: message.from.domain)
        var header = HeaderWriter()
        header.field("Date", words: (message.date ?? MailDate.now()).headerValue.split(separator: " ").map(String.init))
        header.field("From", words: addressWords(message.from))
        if !message.to.isEmpty { header.field("To", words: addressListWords(message.to)) }
        if !message.cc.isEmpty { header.field("Cc", words: addressListWords(message.cc)) }
        if !message.replyTo.isEmpty { header.field("Reply-To", words: addressListWords(message.replyTo)) }
        header.field("Subject", words: HeaderText.unstructuredWords(message.subject))
        header.field("Message-ID", messageID)
        if !message.listUnsubscribe.isEmpty {
            let links = try message.listUnsubscribe.map(unsubscribeLink)
            header.field("List-Unsubscribe", words: links.enumerated().map { index, link in index < links.count - 1 ? link + "," : link })
            if message.listUnsubscribe.contains(where: UnsubscribeURL.isOneClick) {
                // RFC 8058: the https link unsubscribes with one POST, no page to click through.
                header.field("List-Unsubscribe-Post", words: ["List-Unsubscribe=One-Click"])
            }
        }
        header.field("MIME-Version", "1.0")
        var bytes = header.bytes
        if message.attachments.isEmpty {
            appendBody(message, to: &bytes)
            // The last line ends like every other, so DATA's closing dot can follow directly.
            if !(bytes.count >= 2 && bytes[bytes.count - 2] == 0x0D && bytes[bytes.count - 1] == 0x0A) { bytes += [0x0D, 0x0A] }
        } else {
            let boundary = Boundary.mixed
            var part = HeaderWriter(bytes: bytes)
            part.field("Content-Type", words: ["multipart/mixed;", "boundary=\"\(boundary)\""])
            bytes = part.bytes
            bytes += [0x0D, 0x0A]
            bytes += Array("--\(boundary)\r\n".utf8)
            appendBody(message, to: &bytes)
            for attachment in message.attachments {
                bytes += Array("\r\n--\(boundary)\r\n".utf8)
                appendAttachment(attachment, to: &bytes)
            }
            bytes += Array("\r\n--\(boundary)--\r\n".utf8)
        }
        return RenderedMessage(bytes: bytes, messageID: messageID, envelopeFrom: message.from.address,
                               envelopeTo: message.recipients.map(\.address))
    }

    /// The text, or the text and HTML as alternatives, with their own headers.
    private static func appendBody(_ message: MailMessage, to bytes: inout [UInt8]) {
        guard let html = message.html else {
            appendTextPart(message.text, subtype: "plain", to: &bytes)
            return
        }
        let boundary = Boundary.alternative
        var header = HeaderWriter()
        header.field("Content-Type", words: ["multipart/alternative;", "boundary=\"\(boundary)\""])
        bytes += header.bytes
        bytes += Array("\r\n--\(boundary)\r\n".utf8)
        appendTextPart(message.text, subtype: "plain", to: &bytes)
        bytes += Array("\r\n--\(boundary)\r\n".utf8)
        appendTextPart(html, subtype: "html", to: &bytes)
        bytes += Array("\r\n--\(boundary)--\r\n".utf8)
    }

    private static func appendTextPart(_ text: String, subtype: String, to bytes: inout [UInt8]) {
        var header = HeaderWriter()
        header.field("Content-Type", words: ["text/\(subtype);", "charset=utf-8"])
        header.field("Content-Transfer-Encoding", "quoted-printable")
        bytes += header.bytes
        bytes += [0x0D, 0x0A]
        QuotedPrintable.appendEncoded(text, to: &bytes)
    }

    private static func appendAttachment(_ attachment: Attachment, to bytes: inout [UInt8]) {
        let name = ParameterValue.words("name", HeaderText.sanitized(attachment.filename))
        let filename = ParameterValue.words("filename", HeaderText.sanitized(attachment.filename))
        var header = HeaderWriter()
        header.field("Content-Type", words: [attachment.contentType.sanitizedMediaType + ";"] + name)
        header.field("Content-Disposition", words: ["attachment;"] + filename)
        header.field("Content-Transfer-Encoding", "base64")
        bytes += header.bytes
        bytes += [0x0D, 0x0A]
        Base64.appendLines(attachment.data, to: &bytes)
    }

    private static func addressWords(_ mailbox: MailAddress) -> [String] {
        (mailbox.displayName.map(HeaderText.phraseWords) ?? []) + ["<\(mailbox.address)>"]
    }

    /// Mailboxes separated by commas, each comma on the word before it so folding never
    /// starts a line with one.
    private static func addressListWords(_ mailboxes: [MailAddress]) -> [String] {
        var words: [String] = []
        for (index, mailbox) in mailboxes.enumerated() {
            var mailboxWords = addressWords(mailbox)
            if index < mailboxes.count - 1 { mailboxWords[mailboxWords.count - 1] += "," }
            words += mailboxWords
        }
        return words
    }

    private static func unsubscribeLink(_ url: String) throws -> String {
        guard UnsubscribeURL.isAcceptable(url) else { throw MailError.invalidUnsubscribeURL(url) }
        return "<\(url)>"
    }
}

extension String {
    /// A content type as given by a caller, reduced to `type/subtype` characters.
    var sanitizedMediaType: String {
        let allowed = lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber || "/.+-".contains($0)) }
        return allowed.contains("/") ? allowed : "application/octet-stream"
    }
}
