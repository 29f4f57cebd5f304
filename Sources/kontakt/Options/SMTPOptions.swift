// Where and how to reach the SMTP server: flags first, then the remembered settings
// (`kontakt config set smtp.url …`). Secrets come only from the environment or a file.

import ArgumentParser
import Foundation
import GRDB
import Mail
import Store

extension StartTLS: ExpressibleByArgument {}

struct SMTPOptions: ParsableArguments {
    @Option(name: .customLong("smtp"), help: "The server: smtp://[user@]host[:port] or smtps://… (default: the setting smtp.url).")
    var url: String?
    @Option(help: "STARTTLS: required, opportunistic or off (default: required when a password or token is given).")
    var starttls: StartTLS?
    @Option(name: .customLong("password-file"), help: "A file holding the password (else $KONTAKT_SMTP_PASSWORD).")
    var passwordFile: String?
    @Option(name: .customLong("oauth2-token-file"), help: "A file holding an OAuth 2 bearer token for XOAUTH2 (else $KONTAKT_SMTP_OAUTH2_TOKEN).")
    var tokenFile: String?
    @Option(help: "A PEM file of certificate authorities to trust (a private CA); certificates are always verified.")
    var cacert: String?
    @Option(help: "Seconds to wait for each reply of the server.")
    var timeout: Int = 120

    func settings(db: Database) throws -> SMTPSettings {
        guard let url = try url ?? Settings.get("smtp.url", db: db) else {
            throw ValidationError("give the SMTP server with --smtp smtp://host:port, or remember it: kontakt config set smtp.url smtp://host:port")
        }
        var startTLS = starttls
        if startTLS == nil, let stored = try Settings.get("smtp.starttls", db: db) {
            guard let mode = StartTLS(rawValue: stored) else { throw ExitMessage("the setting smtp.starttls is \"\(stored)\": required, opportunistic or off") }
            startTLS = mode
        }
        return try SMTPSettings(url: url, startTLS: startTLS, secret: secret(), caFile: try cacert ?? Settings.get("smtp.cacert", db: db),
                                replyTimeout: timeout)
    }

    /// The password or token: a file named by a flag, else the environment. Never a setting.
    private func secret() throws -> SMTPSecret? {
        func read(_ path: String, _ what: String) throws -> String { try SecretInput.read(file: path, what: what) }
        let environment = ProcessInfo.processInfo.environment
        if let tokenFile { return .oauth2Token(try read(tokenFile, "token")) }
        if let passwordFile { return .password(try read(passwordFile, "password")) }
        if let token = environment["KONTAKT_SMTP_OAUTH2_TOKEN"], !token.isEmpty { return .oauth2Token(token) }
        if let password = environment["KONTAKT_SMTP_PASSWORD"], !password.isEmpty { return .password(password) }
        return nil
    }
}
