// Random tokens and their hashes: what a session cookie or an API token is, and what the
// database keeps of it (the SHA-256, never the token).

import COpenSSL
import CRM

enum TokenCrypto {
    /// `count` bytes from the system's cryptographic random source, as base64url.
    static func randomToken(bytes count: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        return Base64URL.encode((0 ..< count).map { _ in UInt8.random(in: 0 ... 255, using: &generator) })
    }

    static func sha256(_ text: String) -> [UInt8] {
        let message = Array(text.utf8)
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        message.withUnsafeBufferPointer { input in
            digest.withUnsafeMutableBufferPointer { output in _ = COpenSSL.SHA256(input.baseAddress, input.count, output.baseAddress) }
        }
        return digest
    }

    static func hmac(_ text: String, key: [UInt8]) -> [UInt8] {
        let message = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        _ = HMAC(EVP_sha256(), key, Int32(key.count), message, message.count, &output, &length)
        return Array(output.prefix(Int(length)))
    }

    /// Compares in constant time: how much of a forged value is right must not show.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        return x.withUnsafeBufferPointer { p in y.withUnsafeBufferPointer { q in CRYPTO_memcmp(p.baseAddress, q.baseAddress, p.count) } } == 0
    }
}
