// Telling a message's fate from libcurl's result code and the server's last reply.

import CCurl

enum SMTPOutcome {
    /// - Parameters:
    ///   - code: what curl_easy_perform returned.
    ///   - replyCode: the server's last reply code in this transfer (0 when none came).
    ///   - reply: the server's last reply line(s).
    ///   - error: libcurl's description of the failure.
    static func classify(code: CURLcode, replyCode: Int, reply: String, error: String) throws -> SMTPDelivery {
        if code == CURLE_OK { return .accepted(reply: reply) }
        switch code {
        case CURLE_LOGIN_DENIED:
            throw SMTPError.authentication(reply.isEmpty ? error : reply)
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CERTPROBLEM, CURLE_SSL_ISSUER_ERROR:
            throw SMTPError.tls("the SMTP server's certificate is not trusted (\(error)); give its authority with --cacert FILE")
        case CURLE_USE_SSL_FAILED:
            throw SMTPError.tls("the SMTP server does not offer STARTTLS, which --starttls required demands (\(error))")
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT, CURLE_COULDNT_RESOLVE_HOST, CURLE_NOT_BUILT_IN:
            throw SMTPError.configuration("the SMTP URL cannot be used: \(error)")
        default:
            break
        }
        let text = reply.isEmpty ? error : reply
        switch replyCode {
        case 530, 534, 535, 538:
            throw SMTPError.authentication(text)
        case 421:
            return .deferred(code: replyCode, reply: text, connection: true)
        case 400..<500:
            return .deferred(code: replyCode, reply: text, connection: false)
        case 500..<600:
            return .rejected(code: replyCode, reply: text)
        default:
            // Refused, timed out or dropped before the server answered the data: not taken.
            return .deferred(code: 0, reply: "connection trouble: \(error)", connection: true)
        }
    }

    /// The server took the message for some recipients and refused others. The message's own
    /// recipient (the first) decides: accepted with the refused copies named, or — when the
    /// person's own address was refused — rejected, naming the copies that went. Never
    /// deferred then: a retry would send the copies again.
    static func partial(accepted reply: String, refused: [(address: String, reply: String)], primary: String) -> SMTPDelivery {
        let others = refused.filter { $0.address.lowercased() != primary.lowercased() }
        if let own = refused.first(where: { $0.address.lowercased() == primary.lowercased() }) {
            let code = Int(own.reply.prefix(3)) ?? 550
            let text = own.reply + " (the copies to the other recipients were accepted: \(reply))"
            return .rejected(code: code, reply: text)
        }
        return .accepted(reply: reply + "; refused copies: " + others.map { "\($0.address): \($0.reply)" }.joined(separator: "; "))
    }
}
