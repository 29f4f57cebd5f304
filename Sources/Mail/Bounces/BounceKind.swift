// What a failed delivery says about the address: RFC 3463's status codes read by their subject
// and detail, not only by their class (listmonk's "any 5.x.x in the text" marks full mailboxes
// and blocked senders as dead addresses).

/// The verdict on one recipient of a bounce or an SMTP refusal.
public enum BounceKind: String, Sendable, CaseIterable {
    /// The address does not exist (5.1.1, 5.1.2, 5.1.10 …): it is suppressed at once.
    case hard
    /// The message was not delivered, but the address may work later (a full mailbox, even with
    /// class 5; a message too large; a system out of order): suppressed only after repeats.
    case soft
    /// Not yet delivered, still being tried (`Action: delayed`, class 4 before the end): not a bounce.
    case delayed
    /// The receiver refused the sender (5.7.x: policy, reputation, authentication): an alert
    /// about the sending setup, never the address's fault.
    case policy

    /// A final failure of the delivery (what a bounce counter counts).
    public var isFailure: Bool { self != .delayed }
}

/// An RFC 3463 enhanced status code, `class.subject.detail`.
public struct StatusCode: Sendable, Equatable, CustomStringConvertible {
    public let klass: Int
    public let subject: Int
    public let detail: Int

    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let klass = Int(parts[0]), let subject = Int(parts[1]), let detail = Int(parts[2]),
              [2, 4, 5].contains(klass), parts[1].count <= 3, parts[2].count <= 3 else { return nil }
        self.klass = klass
        self.subject = subject
        self.detail = detail
    }

    public var description: String { "\(klass).\(subject).\(detail)" }

    /// The first enhanced status code in a line of text (`550 5.1.1 <x@y>: user unknown`, `#5.1.1`).
    public static func first(in text: some StringProtocol) -> StatusCode? {
        let characters = Array(text.utf8)
        var index = 0
        while index < characters.count {
            let byte = characters[index]
            let before = index == 0 ? UInt8(0x20) : characters[index - 1]
            if (byte == 0x32 || byte == 0x34 || byte == 0x35), !(before >= 0x30 && before <= 0x39), before != 0x2E {
                var end = index
                while end < characters.count, (characters[end] >= 0x30 && characters[end] <= 0x39) || characters[end] == 0x2E { end += 1 }
                let candidate = String(decoding: characters[index..<end], as: UTF8.self)
                let trimmed = candidate.hasSuffix(".") ? String(candidate.dropLast()) : candidate
                if let code = StatusCode(trimmed) { return code }
                index = end
                continue
            }
            index += 1
        }
        return nil
    }

    /// The verdict for a delivery that failed (`delayed` tells whether it is still tried).
    public func kind(delayed: Bool = false) -> BounceKind {
        if delayed { return .delayed }
        switch (subject, detail) {
        case (1, 1), (1, 2), (1, 3), (1, 6), (1, 10), (2, 1): return .hard
        case (7, _): return .policy
        default: return .soft
        }
    }
}

public enum BounceClassifier {
    /// The verdict on one recipient: by the status code when there is one, else by the words
    /// of the diagnostic (a non-standard bounce), else as the SMTP reply's class says.
    public static func kind(status: StatusCode?, action: String? = nil, diagnostic: String?) -> BounceKind {
        let action = action?.lowercased().trimmingCharacters(in: .whitespaces)
        if action == "delayed" || action == "relayed" || action == "delivered" || action == "expanded" { return .delayed }
        let words = (diagnostic ?? "").lowercased()
        // A mailbox full says so in words even where the code is a bare 5.0.0 or 550.
        if mentionsFullMailbox(words) { return .soft }
        if let status {
            if status.klass == 2 { return .delayed }
            // Class 4 with `Action: failed` is a delivery given up after retries: never an unknown address.
            if status.klass == 4 { return action == "failed" ? .soft : .delayed }
            let byCode = status.kind()
            // 5.0.0 and 5.1.0 say nothing specific: the words may.
            if byCode == .soft && (status.subject == 0 || (status.subject == 1 && status.detail == 0)) { return kind(words: words) ?? .hard }
            return byCode
        }
        return kind(words: words) ?? .hard
    }

    /// What the words of a diagnostic say, when they say something recognisable.
    static func kind(words: String) -> BounceKind? {
        if mentionsFullMailbox(words) { return .soft }
        let policy = ["spam", "blocked", "blacklist", "blocklist", "reputation", "policy", "dmarc", "spf", "dkim", "not authorized", "rejected due to"]
        let unknown = ["unknown", "no such", "does not exist", "doesn't exist", "not exist", "invalid recipient", "invalid address", "not found",
                       "unrouteable", "unroutable", "no mailbox", "mailbox unavailable", "mailbox not available", "user not", "address rejected",
                       "disabled", "deactivated", "inactive", "not a valid", "bad destination", "undeliverable address", "unknown user"]
        if unknown.contains(where: words.contains) { return .hard }
        if policy.contains(where: words.contains) { return .policy }
        let transient = ["temporar", "try again", "timed out", "timeout", "connection refused", "too large", "size limit", "exceeds the maximum"]
        if transient.contains(where: words.contains) { return .soft }
        return nil
    }

    static func mentionsFullMailbox(_ words: String) -> Bool {
        ["mailbox full", "mailbox is full", "over quota", "quota exceeded", "exceeded storage", "insufficient storage", "mailbox size limit",
         "exceeds its quota", "exceed the quota", "over its quota", "user is over", "disk quota", "quota exceed"].contains(where: words.contains)
    }
}
