// SHA-256 for the campaign's template snapshot and each rendered message: the hash says which
// exact text a campaign was rendered from, and which exact bytes a sender may send. OpenSSL's
// libcrypto computes it (hundreds of MB/s, so hashing 100,000 messages costs a fraction of a
// second); the tests check it against the published vectors and Python's hashlib.

import COpenSSL

enum SHA256 {
    /// The digest in lower-case hex.
    static func hex(_ text: String) -> String { hex(Array(text.utf8)) }

    static func hex(_ bytes: [UInt8]) -> String {
        hex(digest: digest(bytes))
    }

    static func digest(_ message: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        message.withUnsafeBufferPointer { input in
            digest.withUnsafeMutableBufferPointer { output in
                _ = COpenSSL.SHA256(input.baseAddress, input.count, output.baseAddress)
            }
        }
        return digest
    }

    private static let digits = Array("0123456789abcdef".utf8)

    private static func hex(digest: [UInt8]) -> String {
        var text = [UInt8]()
        text.reserveCapacity(digest.count * 2)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
