// A DKIM private key read from its PEM file, and made new by `kontakt dkim keygen`: RSA
// (rsa-sha256, RFC 6376) or Ed25519 (ed25519-sha256, RFC 8463). Keys live in files, never in
// the database; the file must be readable by its owner only.

import Crypto
import _CryptoExtras
import Foundation

public struct DKIMKey: Sendable {
    public enum Algorithm: String, Sendable, CaseIterable {
        case rsa, ed25519

        /// The `a=` tag of the signature.
        var tag: String { self == .rsa ? "rsa-sha256" : "ed25519-sha256" }
    }

    enum Material: @unchecked Sendable {
        case rsa(_RSA.Signing.PrivateKey)
        case ed25519(Curve25519.Signing.PrivateKey)
    }

    let material: Material

    public var algorithm: Algorithm {
        switch material {
        case .rsa: return .rsa
        case .ed25519: return .ed25519
        }
    }

    /// A new key: RSA of 2048 bits (what Gmail and Seznam expect; 1024 is refused by some), or
    /// Ed25519.
    public static func generate(_ algorithm: Algorithm) throws -> DKIMKey {
        switch algorithm {
        case .rsa: return DKIMKey(material: .rsa(try _RSA.Signing.PrivateKey(keySize: .bits2048)))
        case .ed25519: return DKIMKey(material: .ed25519(Curve25519.Signing.PrivateKey()))
        }
    }

    /// The key of a PEM text: `RSA PRIVATE KEY` (PKCS #1) or `PRIVATE KEY` (PKCS #8, RSA or
    /// Ed25519), as `openssl genpkey` and `opendkim-genkey` write them.
    public init(pem: String) throws {
        if pem.contains("-----BEGIN PRIVATE KEY-----"), let key = try? Curve25519.Signing.PrivateKey(pemRepresentation: pem) {
            material = .ed25519(key)
            return
        }
        do {
            let key = try _RSA.Signing.PrivateKey(pemRepresentation: pem)
            guard key.keySizeInBits >= 1024 else { throw MailError.dkim("the RSA key has \(key.keySizeInBits) bits; DKIM needs at least 1024 (2048 is usual)") }
            material = .rsa(key)
        } catch let error as MailError {
            throw error
        } catch {
            throw MailError.dkim("not a PEM private key (expected RSA PRIVATE KEY or PRIVATE KEY, RSA or Ed25519)")
        }
    }

    private init(material: Material) { self.material = material }

    /// Reads the key file, refusing one that others may read (as ssh does: the key signs as the
    /// firm's domain).
    public init(file path: String) throws {
        var status = stat()
        guard stat(path, &status) == 0 else { throw MailError.dkim("\(path): the key file cannot be read (\(String(cString: strerror(errno))))") }
        guard status.st_mode & S_IFMT == S_IFREG else { throw MailError.dkim("\(path): the key file is not a regular file") }
        guard status.st_mode & 0o077 == 0 else {
            throw MailError.dkim("\(path): the key file may be read by others (mode \(String(status.st_mode & 0o777, radix: 8))); chmod 600 it")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw MailError.dkim("\(path): the key file cannot be read") }
        do { try self.init(pem: String(decoding: data, as: UTF8.self)) } catch MailError.dkim(let reason) {
            throw MailError.dkim("\(path): \(reason)")
        }
    }

    /// The key as PEM, for its file.
    public var pemRepresentation: String {
        switch material {
        case .rsa(let key): return key.pemRepresentation
        case .ed25519(let key): return key.pemRepresentation
        }
    }

    /// The `p=` tag of the DNS record: the RSA public key as SubjectPublicKeyInfo DER, the Ed25519
    /// one as its 32 bytes (RFC 8463 §4.2), in base64.
    public var publicKeyTag: String {
        switch material {
        case .rsa(let key): return key.publicKey.derRepresentation.base64EncodedString()
        case .ed25519(let key): return key.publicKey.rawRepresentation.base64EncodedString()
        }
    }

    /// The TXT record's text: `v=DKIM1; k=rsa; p=…`.
    public var dnsRecord: String {
        "v=DKIM1; k=\(algorithm.rawValue); p=\(publicKeyTag)"
    }

    /// The record as a zone file line, in strings of at most 255 characters (a TXT string's limit).
    public func zoneLine(selector: String, domain: String) -> String {
        let text = Array(dnsRecord)
        let strings = stride(from: 0, to: text.count, by: 255).map { "\"" + String(text[$0..<min($0 + 255, text.count)]) + "\"" }
        return "\(selector)._domainkey.\(domain). IN TXT ( \(strings.joined(separator: " ")) )"
    }

    /// The signature over the SHA-256 of `data`: RSASSA-PKCS1-v1_5 (the padding DKIM requires;
    /// the library's default, PSS, no verifier accepts), or Ed25519 over the 32-byte digest
    /// (RFC 8463 §3: the digest is what PureEdDSA signs).
    func sign(_ data: [UInt8]) throws -> [UInt8] {
        switch material {
        case .rsa(let key):
            return Array(try key.signature(for: SHA256.hash(data: data), padding: .insecurePKCS1v1_5).rawRepresentation)
        case .ed25519(let key):
            return Array(try key.signature(for: Data(SHA256.hash(data: data))))
        }
    }
}
