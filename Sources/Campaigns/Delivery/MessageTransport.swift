// What delivery sends through: an SMTP connection, or a stand-in that sends nothing (--dry-run).

import Mail

/// One connection's worth of sending; each delivery worker makes its own and keeps it.
public protocol MessageTransport: AnyObject {
    func send(from sender: String, to recipients: [String], message: [UInt8]) throws -> SMTPDelivery
}

extension SMTPConnection: MessageTransport {}

/// `--dry-run`: every message is "accepted" without a byte leaving the machine.
public final class DryRunTransport: MessageTransport {
    public init() {}

    public func send(from sender: String, to recipients: [String], message: [UInt8]) throws -> SMTPDelivery {
        .accepted(reply: "dry run: nothing was sent")
    }
}
