// The MAC behind the links and addresses Kontakt signs (unsubscribe tokens, VERP envelope
// senders): HMAC-SHA-256 with a key from the `secret` table, compared in constant time.

import COpenSSL

enum TokenMAC {
    /// The first `length` bytes of HMAC-SHA-256 over `message`.
    static func mac(_ message: String, key: [UInt8], length: Int) -> [UInt8] {
        let bytes = Array(message.utf8)
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var outputLength: UInt32 = 0
        _ = HMAC(EVP_sha256(), key, Int32(key.count), bytes, bytes.count, &output, &outputLength)
        return Array(output.prefix(length))
    }

    /// Whether two signatures are equal, taking as long for a near miss as for a wild one: how
    /// much of a forged signature is right must not show in the timing.
    static func equal(_ given: [UInt8], _ expected: [UInt8]) -> Bool {
        guard given.count == expected.count else { return false }
        return given.withUnsafeBufferPointer { a in expected.withUnsafeBufferPointer { b in CRYPTO_memcmp(a.baseAddress, b.baseAddress, a.count) } } == 0
    }
}
