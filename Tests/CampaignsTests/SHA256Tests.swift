// The template hash against the published test vectors and Python's hashlib.

import Foundation
import TestSupport
import Testing
@testable import Campaigns

@Suite struct SHA256Tests {
    @Test func publishedVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func agreesWithPythonOnCzechText() throws {
        let text = String(repeating: "Žluťoučký kůň úpěl ďábelské ódy. ", count: 40)
        let digest = try Python.run("import hashlib,sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())", input: Data(text.utf8))
        let expected = String(decoding: digest, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(SHA256.hex(text) == expected)
    }
}
