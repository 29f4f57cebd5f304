// Passwords as bcrypt hashes (HummingbirdBcrypt). Hashing is slow on purpose — a quarter of a
// second at the default cost — so the web calls it on a thread pool, never on an event loop.

import Foundation
import HummingbirdBcrypt

public enum PasswordHashing {
    /// Cost 12 (2¹² rounds). `KONTAKT_BCRYPT_COST` (4–16) lowers it for test suites that create
    /// many users; a hash keeps its own cost, so verifying is unaffected.
    static let cost: UInt8 = {
        if let text = getenv("KONTAKT_BCRYPT_COST").map({ String(cString: $0) }), let value = UInt8(text), (4 ... 16).contains(value) { return value }
        return 12
    }()

    /// The shortest password accepted.
    public static let minimumLength = 10

    static func hash(_ password: String) -> String { Bcrypt.hash(password, cost: cost) }

    static func verify(_ password: String, hash: String) -> Bool { Bcrypt.verify(password, hash: hash) }

    /// A hash of a password nobody has, verified against when the login does not exist, so an
    /// unknown login takes as long to refuse as a wrong password.
    static let decoy: String = Bcrypt.hash(TokenCrypto.randomToken(), cost: cost)

    static func check(_ password: String) throws {
        guard password.count >= minimumLength else {
            throw WorkspaceError.invalid(field: "password", "a password needs at least \(minimumLength) characters")
        }
        guard password.utf8.count <= 72 else {
            // bcrypt reads 72 bytes; more would be silently ignored.
            throw WorkspaceError.invalid(field: "password", "a password may have at most 72 bytes (bcrypt ignores the rest)")
        }
    }
}
