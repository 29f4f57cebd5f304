// `kontakt serve`: the sales team's web workspace over the same database, until SIGINT/SIGTERM.

import ArgumentParser
import Dispatch
import Foundation
import Logging
import Store
import Synchronization
import Web
import Workspace

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the web workspace (pages and the JSON API) on the database.",
        discussion: """
            Log in with a user from `kontakt user add`. Listens on 127.0.0.1:8080 unless --host/--port say otherwise; give --tls-cert and \
            --tls-key (PEM) to serve HTTPS (cookies are then Secure). Behind a reverse proxy, name the public origin with --origin so forms \
            posted through it are accepted. Requests are logged to stderr ($KONTAKT_LOG_LEVEL, default info). Stops cleanly on SIGINT or SIGTERM.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port (0 picks a free one).") var port = 8080
    @Option(help: "The TLS certificate chain (PEM).") var tlsCert: String?
    @Option(help: "The TLS private key (PEM).") var tlsKey: String?
    @Option(help: ArgumentHelp("An origin the site is reached by, e.g. https://crm.example.cz (repeatable).", valueName: "URL")) var origin: [String] = []
    @OptionGroup var templates: TemplateFolderOption
    @Option(name: .customLong("smtp-password-file"), help: "A file holding the SMTP password for one-off e-mails (else $KONTAKT_SMTP_PASSWORD; the server is the setting smtp.url).")
    var smtpPasswordFile: String?

    func validate() throws {
        if (tlsCert == nil) != (tlsKey == nil) { throw ArgumentParser.ValidationError("give --tls-cert and --tls-key together") }
        guard (0 ... 65535).contains(port) else { throw ArgumentParser.ValidationError("--port is 0 to 65535") }
        for origin in origin where !(origin.hasPrefix("http://") || origin.hasPrefix("https://")) || origin.dropFirst(8).contains("/") {
            throw ArgumentParser.ValidationError("--origin is scheme://host[:port] without a path, not \(origin)")
        }
    }

    func run() throws {
        for path in [tlsCert, tlsKey].compactMap({ $0 }) where !FileManager.default.isReadableFile(atPath: path) {
            throw ExitMessage("cannot read \(path)")
        }
        let database = try KontaktDatabase(path: global.databasePath, concurrentReads: true)
        let workspace = Workspace(database: database)
        var logger = Logger(label: "kontakt.web")
        if ProcessInfo.processInfo.environment["KONTAKT_LOG_LEVEL"] == nil { logger.logLevel = .info }
        let environment = ProcessInfo.processInfo.environment
        let credential: SMTPCredential? = try smtpPasswordFile.map { .password(try SecretInput.read(file: $0, what: "SMTP password")) }
            ?? environment["KONTAKT_SMTP_OAUTH2_TOKEN"].flatMap { $0.isEmpty ? nil : .oauth2Token($0) }
            ?? environment["KONTAKT_SMTP_PASSWORD"].flatMap { $0.isEmpty ? nil : .password($0) }
        let folders = (try? ResourceFolders.templateFolders(given: templates.folder, database: database)) ?? []
        let configuration = ServerConfiguration(host: host, port: port, tlsCertificate: tlsCert, tlsKey: tlsKey, allowedOrigins: Set(origin),
                                                templateFolders: folders, smtpCredential: credential, outbox: global.outbox,
                                                labelSheetFolders: (try? ResourceFolders.labelSheetFolders(given: [], database: database)) ?? [])
        let path = global.databasePath
        let outcome = Mutex<(any Error)?>(nil)
        let finished = DispatchSemaphore(value: 0)
        Task {
            do {
                try await WorkspaceServer.run(workspace: workspace, configuration: configuration, logger: logger) { url in
                    // Unbuffered: a script waiting for this line must see it at once.
                    FileHandle.standardOutput.write(Data("Kontakt workspace on \(url)/ (database \(path)); stop with Ctrl+C.\n".utf8))
                }
            } catch {
                outcome.withLock { $0 = error }
            }
            finished.signal()
        }
        finished.wait()
        if let error = outcome.withLock({ $0 }) { throw ExitMessage(error is ServeError ? "\(error)" : "the server stopped: \(error)") }
        print("Stopped.")
    }
}
