// The setting mail.unsubscribe-url: which bases it takes, and how a token joins one.

import Foundation
import Testing
@testable import Campaigns

@Suite struct UnsubscribeLinkTests {
    @Test func basesAMailProviderMayPostTo() throws {
        #expect(try UnsubscribeLink(base: " https://crm.example.cz/unsubscribe ").link(token: "7.12.abc") == "https://crm.example.cz/unsubscribe/7.12.abc")
        #expect(try UnsubscribeLink(base: "https://crm.example.cz/u/").link(token: "7.12.abc") == "https://crm.example.cz/u/7.12.abc")
        #expect(try UnsubscribeLink(base: "https://crm.example.cz/u?t=").link(token: "7.12.abc") == "https://crm.example.cz/u?t=7.12.abc")
        #expect(try UnsubscribeLink(base: "http://127.0.0.1:8080/unsubscribe").link(token: "1.2.x") == "http://127.0.0.1:8080/unsubscribe/1.2.x")
        for bad in ["http://crm.example.cz/unsubscribe", "mailto:odhlasit@example.cz", "https://crm.example.cz/u#x", "https://crm.example.cz/a b", "crm.example.cz", ""] {
            #expect(throws: UnsubscribeLinkError(setting: bad.trimmingCharacters(in: .whitespaces))) { try UnsubscribeLink(base: bad) }
        }
    }

    @Test func theWorkspacesLinkComesFirstOnce() {
        #expect(UnsubscribeLink.leading("https://a/u/1", ["mailto:x@y.cz", "https://a/u/1"]) == ["https://a/u/1", "mailto:x@y.cz"])
    }
}
