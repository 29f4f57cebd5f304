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
        let upload = Upload(message)
        let replies = ReplyLines()
        var list: UnsafeMutablePointer<curl_slist>?
        for recipient in recipients { list = curl_slist_append(list, "<\(recipient)>") }
        defer { curl_slist_free_all(list) }
        try set(CURLOPT_MAIL_FROM, "<\(sender)>")
        try set(CURLOPT_MAIL_RCPT, list: list)
        try set(CURLOPT_INFILESIZE_LARGE, size: curl_off_t(message.count))
        let code = withExtendedLifetime((upload, replies)) { () -> CURLcode in
            _ = kontakt_curl_set_pointer(handle, CURLOPT_READDATA, Unmanaged.passUnretained(upload).toOpaque())
            _ = kontakt_curl_set_pointer(handle, CURLOPT_HEADERDATA, Unmanaged.passUnretained(replies).toOpaque())
            errorBuffer[0] = 0
            return curl_easy_perform(handle)
        }
        var replyCode = 0
        _ = kontakt_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &replyCode)
        return try SMTPOutcome.classify(code: code, replyCode: replyCode, reply: replies.reply(coded: replyCode), error: errorText(code))
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
