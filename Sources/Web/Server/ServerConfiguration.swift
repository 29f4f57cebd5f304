// How `kontakt serve` listens: address, port, TLS, and the origins its pages are reached by.

import Workspace

public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// PEM files; both or neither.
    public var tlsCertificate: String?
    public var tlsKey: String?
    /// The origins (scheme://host[:port]) that browsers name when posting a form; empty trusts
    /// the Host header (the server itself, reached directly).
    public var allowedOrigins: Set<String>
    public var sessions: SessionPolicy
    public var loginThrottle: (limit: Int, window: Double)
    /// Where the shipped templates are offered from (named without a path), read only.
    public var templateFolders: [String]
    /// Where the office's own templates, written in the browser, are kept.
    public var ownTemplateFolder: String
    /// The SMTP password or token for one-off e-mails, given to the server at start.
    public var smtpCredential: SMTPCredential?
    /// How often an open page's live stream looks for changes, and how long one stream lasts
    /// before the browser opens the next (seconds).
    public var live: (interval: Double, lifetime: Double)
    /// The Outbox campaigns are rendered into and sent from (the same as `kontakt --outbox`).
    public var outbox: String
    /// Where label sheets for a campaign's letters are looked up (presets, gLabels templates).
    public var labelSheetFolders: [String]
    /// Where uploaded files wait to be imported (each under a random name), and the most one may hold.
    public var uploadFolder: String
    public var uploadLimit: Int

    public init(host: String = "127.0.0.1", port: Int = 8080, tlsCertificate: String? = nil, tlsKey: String? = nil,
                allowedOrigins: Set<String> = [], sessions: SessionPolicy = SessionPolicy(), loginThrottle: (limit: Int, window: Double) = (10, 60),
                templateFolders: [String] = [], smtpCredential: SMTPCredential? = nil, live: (interval: Double, lifetime: Double) = (2, 300),
                outbox: String = "Outbox", labelSheetFolders: [String] = [], uploadFolder: String = "Uploads", uploadLimit: Int = 20 * 1024 * 1024,
                ownTemplateFolder: String = "OfficeTemplates") {
        self.host = host; self.port = port; self.tlsCertificate = tlsCertificate; self.tlsKey = tlsKey
        self.allowedOrigins = Set(allowedOrigins.map { $0.lowercased() }); self.sessions = sessions; self.loginThrottle = loginThrottle
        self.templateFolders = templateFolders; self.smtpCredential = smtpCredential; self.live = live
        self.outbox = outbox; self.labelSheetFolders = labelSheetFolders
        self.uploadFolder = uploadFolder; self.uploadLimit = uploadLimit; self.ownTemplateFolder = ownTemplateFolder
    }

    public var usesTLS: Bool { tlsCertificate != nil }
    public var url: String { "\(usesTLS ? "https" : "http")://\(host.contains(":") ? "[\(host)]" : host):\(port)" }
}
