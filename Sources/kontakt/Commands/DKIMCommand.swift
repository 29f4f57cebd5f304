// `kontakt dkim keygen`: a new DKIM key in its own file (mode 0600, never in the database) and
// the DNS record that publishes its public half. Signing starts once the settings dkim.domain,
// dkim.selector and dkim.key-file name it.

import ArgumentParser
import Foundation
import Mail

struct DKIMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dkim", abstract: "DKIM keys: every message Kontakt sends is signed once dkim.domain, dkim.selector and dkim.key-file are set.",
        subcommands: [Keygen.self])

    struct Keygen: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "keygen", abstract: "Write a new private key and print the DNS TXT record to publish.",
            discussion: """
                RSA keys have 2048 bits (rsa-sha256, what every receiver checks); ed25519 (RFC 8463) is shorter but not yet \
                checked everywhere: publish both under two selectors to be safe. An existing file is never overwritten.
                """)
        @Option(help: "The domain the key signs for (d=), usually the From address's.") var domain: String
        @Option(help: "The selector (s=): the record goes at SELECTOR._domainkey.DOMAIN.") var selector: String
        @Option(name: .customLong("key-file"), help: "Where to write the PEM private key (mode 0600).") var keyFile: String
        @Option(help: "rsa or ed25519.") var type: String = "rsa"

        func run() throws {
            guard let algorithm = DKIMKey.Algorithm(rawValue: type.lowercased()) else {
                throw ValidationError("--type is rsa or ed25519, not \"\(type)\"")
            }
            let key = try DKIMKey.generate(algorithm)
            // Checked before anything is written.
            let signer = try DKIMSigner(domain: domain, selector: selector, key: key)
            try Self.writeNew(key.pemRepresentation, to: keyFile)
            let path = keyFile.hasPrefix("/") ? keyFile : FileManager.default.currentDirectoryPath + "/" + keyFile
            print("""
                Wrote the \(algorithm.rawValue) key to \(path) (mode 0600).
                Publish this TXT record in the DNS of \(signer.domain):

                \(key.zoneLine(selector: signer.selector, domain: signer.domain))

                Then switch signing on:
                  kontakt config set dkim.domain \(signer.domain)
                  kontakt config set dkim.selector \(signer.selector)
                  kontakt config set dkim.key-file \(path)
                """)
        }

        /// Creates the file readable by its owner only, refusing one that exists.
        static func writeNew(_ text: String, to path: String) throws {
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
            guard descriptor >= 0 else {
                let reason = errno == EEXIST ? "it exists already (a key in use is never overwritten; choose another file)" : String(cString: strerror(errno))
                throw ExitMessage("\(path): cannot write the key: \(reason)")
            }
            defer { close(descriptor) }
            let bytes = Array(text.utf8)
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written == bytes.count else {
                unlink(path)
                throw ExitMessage("\(path): cannot write the key: \(String(cString: strerror(errno)))")
            }
        }
    }
}
