// Which links a List-Unsubscribe header may carry (RFC 2369, RFC 8058): mailto: and https:,
// and plain http: to this machine only, so a trial on 127.0.0.1 works end to end without a
// certificate while no message ever sends a recipient's click unencrypted across a network.

public enum UnsubscribeURL {
    /// A link a header can carry as it is: one of the schemes above, printable ASCII without
    /// spaces or angle brackets, short enough for a header line.
    public static func isAcceptable(_ url: String) -> Bool {
        let lower = url.lowercased()
        return (lower.hasPrefix("mailto:") || lower.hasPrefix("https://") || isLoopbackHTTP(lower))
            && url.utf8.count <= 900
            && url.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") }
    }

    /// A link a mail provider may POST `List-Unsubscribe=One-Click` to.
    public static func isOneClick(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("https://") || isLoopbackHTTP(lower)
    }

    /// http://127.0.0.1…, http://localhost…, http://[::1]… (and nothing that merely starts so,
    /// such as http://localhost.example.com).
    static func isLoopbackHTTP(_ lower: String) -> Bool {
        guard lower.hasPrefix("http://") else { return false }
        let authority = lower.dropFirst(7).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host: Substring
        if authority.hasPrefix("[") {
            host = authority.prefix { $0 != "]" } + "]"
        } else {
            host = authority.prefix { $0 != ":" }
        }
        let rest = authority.dropFirst(host.count)
        guard rest.isEmpty || (rest.first == ":" && rest.dropFirst().allSatisfy(\.isNumber) && rest.count > 1) else { return false }
        return host == "127.0.0.1" || host == "localhost" || host == "[::1]"
    }
}
