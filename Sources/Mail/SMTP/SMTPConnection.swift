// One SMTP session held open for many messages: libcurl keeps the connection of an easy handle
// alive between transfers and reconnects on demand when the server closed it.

import CCurl

/// Sends messages one after another over one connection. Not shared between threads: each
/// delivery worker holds its own.
public final class SMTPConnection {
    private let handle: UnsafeMutableRawPointer
    private let settings: SMTPSettings
    /// libcurl writes its error text here; it must outlive every transfer.
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)

    public init(settings: SMTPSettings) throws {
        _ = SMTPConnection.libraryReady
        guard let handle = curl_easy_init() else { throw SMTPError.configuration("libcurl could not start a session") }
        self.handle = handle
        self.settings = settings
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        try configure()
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// curl_global_init must run once before any thread uses libcurl; Swift runs a global's
    /// initialiser exactly once.
    private static let libraryReady: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    private func configure() throws {
        try set(CURLOPT_URL, settings.url)
        try set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
        try set(CURLOPT_USE_SSL, {
            switch settings.startTLS {
            case .required: return Int(CURLUSESSL_ALL.rawValue)
            case .opportunistic: return Int(CURLUSESSL_TRY.rawValue)
            case .off: return Int(CURLUSESSL_NONE.rawValue)
            }
        }())
        // Certificates are always verified; a private CA is trusted by naming its bundle.
        try set(CURLOPT_SSL_VERIFYPEER, 1)
        try set(CURLOPT_SSL_VERIFYHOST, 2)
        if let caFile = settings.caFile { try set(CURLOPT_CAINFO, caFile) }
        switch settings.secret {
        case .password(let password)?:
            try set(CURLOPT_PASSWORD, password)
        case .oauth2Token(let token)?:
            try set(CURLOPT_XOAUTH2_BEARER, token)
            try set(CURLOPT_LOGIN_OPTIONS, "AUTH=XOAUTH2")
        case nil:
            break
        }
        try set(CURLOPT_CONNECTTIMEOUT, settings.connectTimeout)
        try set(CURLOPT_SERVER_RESPONSE_TIMEOUT, settings.replyTimeout)
        try set(CURLOPT_UPLOAD, 1)
        try set(CURLOPT_NOSIGNAL, 1)
        try setCallback(CURLOPT_READFUNCTION, { buffer, size, count, context in
            guard let buffer, let context else { return 0 }
            return Unmanaged<Upload>.fromOpaque(context).takeUnretainedValue().read(into: buffer, capacity: size * count)
        })
        // One refused copy (Cc, Bcc) must not fail the message to the person: libcurl goes on
        // while any recipient is accepted (the option's name is spelled so in libcurl 7.88),
        // and the commands it sends, seen through the debug callback, say which were refused.
        try set(CURLOPT_MAIL_RCPT_ALLLOWFAILS, 1)
        try set(CURLOPT_VERBOSE, 1)
        try check(kontakt_curl_set_debug_callback(handle, { _, type, data, size, context in
            guard let data, let context, type == CURLINFO_HEADER_OUT || type == CURLINFO_HEADER_IN else { return 0 }
            Unmanaged<RecipientReplies>.fromOpaque(context).takeUnretainedValue()
                .add(UnsafeRawBufferPointer(start: data, count: size), sent: type == CURLINFO_HEADER_OUT)
            return 0
        }), CURLOPT_DEBUGFUNCTION)
        try setCallback(CURLOPT_HEADERFUNCTION, { buffer, size, count, context in
            guard let buffer, let context else { return 0 }
            let length = size * count
            Unmanaged<ReplyLines>.fromOpaque(context).takeUnretainedValue()
                .add(UnsafeRawBufferPointer(start: buffer, count: length))
            return length
        })
    }

    /// Sends one message. `message` must end its lines in CRLF (libcurl dot-stuffs only lines
    /// that follow a CRLF, and is not asked to convert line ends).
    ///
    /// - Throws: `SMTPError` when no message could go through with these settings (login,
    ///   certificate, STARTTLS, URL); every other outcome is the message's own.
    public func send(from sender: String, to recipients: [String], message: [UInt8]) throws -> SMTPDelivery {
        let (outcome, reused, reachedData) = try transfer(from: sender, to: recipients, message: message)
        // A kept-alive connection the server closed while it was idle (often with a 421 that
        // only arrives when the next transaction begins) says nothing about this message:
        // it is sent again at once over a new connection, not deferred. Only when the server
        // never saw its data, so it cannot have taken it.
        if case .deferred(_, _, connection: true) = outcome, reused, !reachedData {
            try set(CURLOPT_FRESH_CONNECT, 1)
            defer { try? set(CURLOPT_FRESH_CONNECT, 0) }
            return try transfer(from: sender, to: recipients, message: message).outcome
        }
        return outcome
    }

    /// One transfer: the outcome, whether it ran over a connection kept from before, and
    /// whether the server had invited the message's data (354).
    private func transfer(from sender: String, to recipients: [String], message: [UInt8]) throws
        -> (outcome: SMTPDelivery, reused: Bool, reachedData: Bool) {
        let upload = Upload(message)
        let replies = ReplyLines()
        let recipientReplies = RecipientReplies()
        var list: UnsafeMutablePointer<curl_slist>?
        for recipient in recipients { list = curl_slist_append(list, "<\(recipient)>") }
        defer { curl_slist_free_all(list) }
        try set(CURLOPT_MAIL_FROM, "<\(sender)>")
        try set(CURLOPT_MAIL_RCPT, list: list)
        try set(CURLOPT_INFILESIZE_LARGE, size: curl_off_t(message.count))
        let code = withExtendedLifetime((upload, replies, recipientReplies)) { () -> CURLcode in
            _ = kontakt_curl_set_pointer(handle, CURLOPT_READDATA, Unmanaged.passUnretained(upload).toOpaque())
            _ = kontakt_curl_set_pointer(handle, CURLOPT_HEADERDATA, Unmanaged.passUnretained(replies).toOpaque())
            _ = kontakt_curl_set_pointer(handle, CURLOPT_DEBUGDATA, Unmanaged.passUnretained(recipientReplies).toOpaque())
            errorBuffer[0] = 0
            return curl_easy_perform(handle)
        }
        var replyCode = 0
        _ = kontakt_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &replyCode)
        var connects = 0
        _ = kontakt_curl_get_long(handle, CURLINFO_NUM_CONNECTS, &connects)
        var outcome = try SMTPOutcome.classify(code: code, replyCode: replyCode, reply: replies.reply(coded: replyCode), error: errorText(code))
        if case .accepted(let reply) = outcome, !recipientReplies.refused.isEmpty {
            outcome = SMTPOutcome.partial(accepted: reply, refused: recipientReplies.refused, primary: recipients.first ?? "")
        }
        return (outcome, connects == 0, replies.reachedData)
    }

    private func errorText(_ code: CURLcode) -> String {
        let detail = String(cString: errorBuffer)
        return detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
    }

    private func set(_ option: CURLoption, _ value: Int) throws {
        try check(kontakt_curl_set_long(handle, option, value), option)
    }

    private func set(_ option: CURLoption, _ value: String) throws {
        // libcurl copies string options, so the C string need only live for the call.
        try check(kontakt_curl_set_string(handle, option, value), option)
    }

    private func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?) throws {
        try check(kontakt_curl_set_pointer(handle, option, pointer), option)
    }

    private func set(_ option: CURLoption, list: UnsafeMutablePointer<curl_slist>?) throws {
        try check(kontakt_curl_set_list(handle, option, list), option)
    }

    private func set(_ option: CURLoption, size: curl_off_t) throws {
        try check(kontakt_curl_set_size(handle, option, size), option)
    }

    private func setCallback(_ option: CURLoption, _ callback: kontakt_curl_data_callback) throws {
        try check(kontakt_curl_set_callback(handle, option, callback), option)
    }

    private func check(_ code: CURLcode, _ option: CURLoption) throws {
        guard code == CURLE_OK else {
            throw SMTPError.configuration("libcurl refused option \(option.rawValue): \(String(cString: curl_easy_strerror(code)))")
        }
    }
}

/// The message being uploaded, handed to libcurl's read callback piece by piece.
private final class Upload {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        let count = min(capacity, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBufferPointer { source in
            UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }
}

/// The server's reply lines as libcurl passes them to the header callback. The reply that
/// decided the transfer (`250 2.0.0 Ok: queued as …`, or the `450` of a refused recipient
/// rather than the `221` libcurl's QUIT got afterwards) is what a journal records.
private final class ReplyLines {
    private var replies: [String] = []
    private var continued: [String] = []

    /// Whether the server invited the message's data (354) in this transfer.
    var reachedData: Bool { replies.contains { $0.hasPrefix("354") } }

    /// The last reply with this code, else the last reply.
    func reply(coded code: Int) -> String {
        let prefix = String(code)
        return replies.last { $0.hasPrefix(prefix) } ?? replies.last ?? ""
    }

    func add(_ line: UnsafeRawBufferPointer) {
        var bytes = Array(line)
        while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
        guard !bytes.isEmpty else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        // "250-…" continues a reply, "250 …" ends it.
        if bytes.count > 3, bytes[3] == UInt8(ascii: "-") {
            continued.append(text)
        } else {
            replies.append((continued + [text]).joined(separator: " | "))
            continued = []
        }
    }
}

/// The server's reply to each RCPT command, told from the protocol lines libcurl's debug
/// callback passes (commands sent, replies received, in order). Only `RCPT TO:` commands are
/// looked at; nothing else that passes (a login among it) is kept.
private final class RecipientReplies {
    private(set) var refused: [(address: String, reply: String)] = []
    private var pending: String?

    func add(_ line: UnsafeRawBufferPointer, sent: Bool) {
        if sent {
            pending = nil
            let prefix = Array("RCPT TO:<".utf8)
            guard line.count > prefix.count, line.prefix(prefix.count).elementsEqual(prefix, by: { a, b in a | 0x20 == b | 0x20 }) else { return }
            let rest = line.dropFirst(prefix.count)
            pending = String(decoding: rest.prefix { $0 != UInt8(ascii: ">") }, as: UTF8.self)
            return
        }
        // A reply's last line has a space after its code; only that one ends it.
        guard let address = pending, line.count >= 4, line[3] == UInt8(ascii: " ") else { return }
        pending = nil
        let text = String(decoding: line.prefix { $0 != 0x0D && $0 != 0x0A }, as: UTF8.self)
        if let first = line.first, first == UInt8(ascii: "4") || first == UInt8(ascii: "5") { refused.append((address, text)) }
    }
}
