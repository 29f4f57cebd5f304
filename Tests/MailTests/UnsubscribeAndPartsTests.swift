// The links a List-Unsubscribe header may carry, and a rendered message's parts read back for
// the browser: what MessageParts decodes equals what MessageWriter was given.

import Foundation
import Testing
@testable import Mail

@Suite struct UnsubscribeURLTests {
    @Test func httpsAndMailtoEverywhereHTTPOnlyToThisMachine() {
        for good in ["https://crm.example.cz/unsubscribe/1.2.abc", "mailto:odhlasit@example.cz?subject=x", "http://127.0.0.1:8080/unsubscribe/1.2.x",
                     "http://localhost/unsubscribe", "http://[::1]:9000/u"] {
            #expect(UnsubscribeURL.isAcceptable(good), "\(good)")
        }
        for bad in ["http://crm.example.cz/unsubscribe", "http://localhost.example.com/u", "http://127.0.0.1.nip.io/u", "http://127.0.0.1:80x/u",
                    "ftp://example.cz/u", "https://example.cz/a b", "https://example.cz/<x>", "https://example.cz/\r\nBcc: x@y.cz", "javascript:alert(1)"] {
            #expect(!UnsubscribeURL.isAcceptable(bad), "\(bad)")
        }
        #expect(UnsubscribeURL.isOneClick("https://crm.example.cz/u") && UnsubscribeURL.isOneClick("http://127.0.0.1:8080/u"))
        #expect(!UnsubscribeURL.isOneClick("mailto:x@example.cz"))
    }

    @Test func aOneClickLinkBringsListUnsubscribePost() throws {
        var message = MailMessage(from: try MailAddress("obchod@kontakt-demo.cz"), to: [try MailAddress("jana@firma.cz")], subject: "x", text: "x\n")
        message.listUnsubscribe = ["mailto:odhlasit@kontakt-demo.cz"]
        #expect(!String(decoding: try MessageWriter.render(message).bytes, as: UTF8.self).contains("List-Unsubscribe-Post"))
        message.listUnsubscribe = ["http://127.0.0.1:8080/unsubscribe/1.2.x", "mailto:odhlasit@kontakt-demo.cz"]
        let text = String(decoding: try MessageWriter.render(message).bytes, as: UTF8.self)
        #expect(text.contains("List-Unsubscribe: <http://127.0.0.1:8080/unsubscribe/1.2.x>,"))
        #expect(text.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"))
        message.listUnsubscribe = ["http://crm.example.cz/unsubscribe"]
        #expect(throws: MailError.invalidUnsubscribeURL("http://crm.example.cz/unsubscribe")) { try MessageWriter.render(message) }
    }
}

@Suite struct MessagePartsTests {
    @Test func readsBackWhatTheWriterWrote() throws {
        let long = String(repeating: "žluťoučký kůň úpěl ďábelské ódy = 100 % ", count: 40)
        let text = "Vážená paní Nováková,\n\n\(long)\n.tečka na začátku\n"
        let html = "<p>Vážená paní <b>Nováková</b>,</p>\n<p>\(long)</p>\n"
        var message = MailMessage(from: try MailAddress("obchod@kontakt-demo.cz", name: "Jan Novák"), to: [try MailAddress("jana@firma.cz", name: "Jana Nováková")],
                                  subject: "Nabídka pro Škoda Auto", text: text, html: html)
        var parts = MessageParts(try MessageWriter.render(message).bytes)
        #expect(parts.text == text)
        #expect(parts.html == html)
        #expect(parts.header("to")?.contains("jana@firma.cz") == true)
        // With an attachment the body is multipart/mixed around the alternative; the attachment is no part shown.
        message.attachments = [Attachment(filename: "cenik.txt", data: Array("ceník".utf8))]
        parts = MessageParts(try MessageWriter.render(message).bytes)
        #expect(parts.text == text && parts.html == html)
        // A plain message has no HTML part.
        message.html = nil
        message.attachments = []
        parts = MessageParts(try MessageWriter.render(message).bytes)
        #expect(parts.text == text && parts.html == nil)
    }
}
