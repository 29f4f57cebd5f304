// One message's outcome at the server, told from libcurl's result and the server's replies.

public enum SMTPDelivery: Sendable, Equatable {
    /// The server took the message; its reply (`250 2.0.0 Ok: queued as 4BqX…`).
    case accepted(reply: String)
    /// Not now (4xx, or the connection was lost before the server answered the data): try again
    /// later. `connection` when the trouble is the server's as a whole (421, refused, dropped),
    /// so the sender backs off rather than trying the next message at once.
    case deferred(code: Int, reply: String, connection: Bool)
    /// Never (5xx): the server's reply says why.
    case rejected(code: Int, reply: String)
}
