// The signed unsubscribe token: it names its campaign and person, verifies with the key that
// signed it, and no change to it (another person, another campaign, another key, a cut or an
// extra character) verifies.

import Testing
@testable import Campaigns

@Suite struct UnsubscribeTokenTests {
    let key = (0 ..< 32).map { UInt8($0 * 7 % 256) }

    @Test func aTokenVerifiesWithItsKeyAndNothingElseDoes() throws {
        let token = UnsubscribeToken(campaignId: 12, personId: 345).signed(with: key)
        #expect(token.hasPrefix("12.345.") && token.count == "12.345.".count + 22)
        #expect(UnsubscribeToken.verified(token, key: key) == UnsubscribeToken(campaignId: 12, personId: 345))
        let mac = token.split(separator: ".")[2]
        var otherKey = key
        otherKey[0] ^= 1
        for forged in ["12.346.\(mac)", "13.345.\(mac)", "012.345.\(mac)", "12.345.\(mac.dropLast())", "12.345.\(mac)A", "12.345", "", "a.b.c",
                       "-1.345.\(mac)", "12.345.\(mac).1"] {
            #expect(UnsubscribeToken.verified(forged, key: key) == nil, "\(forged)")
        }
        #expect(UnsubscribeToken.verified(token, key: otherKey) == nil)
    }

    @Test func base64URLMatchesRFC4648() {
        // RFC 4648 §10 test vectors, URL alphabet, no padding.
        let vectors = ["": "", "f": "Zg", "fo": "Zm8", "foo": "Zm9v", "foob": "Zm9vYg", "fooba": "Zm9vYmE", "foobar": "Zm9vYmFy"]
        for (input, output) in vectors { #expect(UnsubscribeToken.base64URL(Array(input.utf8)) == output) }
        #expect(UnsubscribeToken.base64URL([0xfb, 0xff]) == "-_8")
    }
}
