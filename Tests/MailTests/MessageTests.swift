// Every message is read back by Python's email package: no defects, and what it decodes equals
// what went in.

import Foundation
import Testing
@testable import Mail

@Suite struct MessageTests {
    let sender = try! MailAddress("obchod@kontakt-demo.cz", name: "Jan Novák, Kontakt s.r.o.")
    let fixedDate = MailDate(seconds: 1_795_959_005, offsetMinutes: 60) // 2026-11-29 13:30:05 UTC

    func message(to: [MailAddress]? = nil, subject: String = "Nabídka", text: String = "Dobrý den,\nposíláme nabídku.\n") throws -> MailMessage {
        var message = MailMessage(from: sender, to: try to ?? [MailAddress("jana@firma.cz", name: "Jana Nováková")], subject: subject, text: text)
        message.date = fixedDate
        return message
    }

    /// Parses, and checks what every message must satisfy.
    func parsed(_ message: MailMessage) throws -> ParsedMail {
        let rendered = try MessageWriter.render(message)
        let mail = try PythonEmail.parse(rendered.bytes)
        #expect(mail.defects.isEmpty, "defects: \(mail.defects)")
        #expect(mail.bareLineFeeds == 0)
        #expect(mail.longestLine <= 998)
        #expect(mail.longestHeaderLine <= 998)
        #expect(mail.messageId == rendered.messageID)
        return mail
    }

    func normalized(_ text: String) -> String {
        var text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    @Test func longASCIIWordsInNamesAndSubjectsAreEncodedSoNoHeaderLinePasses78() throws {
        let long = String(repeating: "Novak", count: 400)
        for name in [long, "Ing. " + long, "\"" + long + "\" a.s.", long + "@"] {
            let mail = try parsed(try message(to: [try MailAddress("jana@firma.cz", name: name)], subject: "Nabidka " + long + " pro vas"))
            #expect(mail.longestHeaderLine <= 78)
            // RFC 2047 §6.2: the space between adjacent encoded-words is not part of the text;
            // Python's phrase parser keeps one there, so spaces are not compared.
            #expect(mail.to.map { $0.name.filter { $0 != " " } } == [name.filter { $0 != " " }] && mail.to.first?.address == "jana@firma.cz")
            #expect(mail.subject == "Nabidka " + long + " pro vas")
        }
    }

    @Test func internationalDomainsTravelInTheirASCIIForm() throws {
        #expect(Punycode.asciiDomain("bücher.de") == "xn--bcher-kva.de")
        #expect(Punycode.asciiDomain("München.de") == "xn--mnchen-3ya.de")
        #expect(Punycode.asciiDomain("почта.рф") == "xn--80a1acny.xn--p1ai")
        #expect(Punycode.encode(Array("ليهمابتكلموشعربي؟".unicodeScalars)) == "egbpdaj6bu4bxfgehfvwxn")
        let address = try MailAddress("jan@kavárna.cz", name: "Jan")
        #expect(address.address == "jan@xn--kavrna-rta.cz")
        let mail = try parsed(try message(to: [address]))
        #expect(mail.to.first?.address == "jan@xn--kavrna-rta.cz")
        #expect(throws: MailError.self) { try MailAddress("ä@b.example") }
    }

    @Test func aPlainMessageRoundTrips() throws {
        var plain = try message()
        plain.cc = [try MailAddress("petr@firma.cz")]
        plain.replyTo = [try MailAddress("odpovedi@kontakt-demo.cz", name: "Odpovědi")]
        plain.bcc = [try MailAddress("archiv@kontakt-demo.cz")]
        let mail = try parsed(plain)
        #expect(mail.from == [.init(name: "Jan Novák, Kontakt s.r.o.", address: "obchod@kontakt-demo.cz")])
        #expect(mail.to == [.init(name: "Jana Nováková", address: "jana@firma.cz")])
        #expect(mail.cc == [.init(name: "", address: "petr@firma.cz")])
        #expect(mail.replyTo == [.init(name: "Odpovědi", address: "odpovedi@kontakt-demo.cz")])
        #expect(!mail.headerNames.contains("Bcc"))
        #expect(mail.subject == "Nabídka")
        #expect(mail.structure == "text/plain")
        #expect(normalized(mail.text ?? "") == "Dobrý den,\nposíláme nabídku.")
        #expect(mail.date == "2026-11-29T14:30:05+01:00")
        #expect(mail.messageId.hasSuffix("@kontakt-demo.cz>"))
        #expect(mail.longestHeaderLine <= 78)
        #expect(plain.recipients.count == 3)
    }

    @Test func longSubjectsWithDiacriticsAndEmojiFoldAndDecode() throws {
        let subject = String(repeating: "Žluťoučký kůň úpěl ďábelské ódy – nabídka na rok 2027 🐎 ", count: 6).trimmingCharacters(in: .whitespaces)
        let mail = try parsed(try message(subject: subject))
        #expect(mail.subject == subject)
        #expect(mail.longestHeaderLine <= 78)
        let emojiName = try parsed(try message(to: [MailAddress("a@b.cz", name: "Tým 🚀 Kontakt")], subject: "🎉"))
        #expect(emojiName.to.first?.name == "Tým 🚀 Kontakt")
        #expect(emojiName.subject == "🎉")
        // ASCII that looks like an encoded-word is encoded, so it reads back as typed.
        #expect(try parsed(try message(subject: "=?UTF-8?B?eA==?= literally")).subject == "=?UTF-8?B?eA==?= literally")
    }

    @Test(arguments: [#"Novák, Jan "Honza""#, #"Back\slash"#, "Dvořák, Petr", "Ing. Jana Nováková, Ph.D.", "O'Brien", "(comment) <x>", "  spaced   name  "])
    func displayNamesWithQuotesCommasAndSpecials(name: String) throws {
        let mail = try parsed(try message(to: [MailAddress("x@firma.cz", name: name), MailAddress("y@firma.cz", name: "Druhý")]))
        #expect(mail.to == [.init(name: HeaderText.sanitized(name).trimmingCharacters(in: .whitespaces), address: "x@firma.cz"),
                            .init(name: "Druhý", address: "y@firma.cz")])
    }

    @Test func bodiesSurviveDotsFromLinesAndVeryLongLines() throws {
        let longLine = String(repeating: "ž", count: 1200) + String(repeating: "a", count: 3000)
        let text = ".\n.leading dot\nFrom the desk of Jan\n\(longLine)\ntrailing spaces   \ntab\tinside\n= equals =\r\nCRLF line\rCR line\n"
        var html = try message(text: text)
        html.html = "<p>Dobrý den,</p>\n<p>\(longLine)</p>\n"
        let mail = try parsed(html)
        #expect(normalized(mail.text ?? "") == normalized(text))
        #expect(normalized(mail.html ?? "") == normalized(html.html!))
        #expect(mail.structure == "multipart/alternative(text/plain,text/html)")
        #expect(mail.longestLine <= 76 + 2) // quoted-printable lines stay short
    }

    @Test func attachmentsWithNonASCIIAndLongNames() throws {
        var withFiles = try message()
        withFiles.html = "<p>Příloha</p>"
        let pdf = Array("%PDF-1.4 fake \u{0}\u{1}\u{FF}".utf8) + (0..<3000).map { UInt8($0 % 256) }
        withFiles.attachments = [
            Attachment(filename: "Nabídka – Žluťoučký kůň 2026.pdf", data: pdf),
            Attachment(filename: "ceník.xlsx", data: [1, 2, 3]),
            Attachment(filename: "plain-name.txt", data: Array("hello\n".utf8)),
            Attachment(filename: String(repeating: "Velmi dlouhý název přílohy ", count: 5) + ".csv", data: []),
            Attachment(filename: "quote\"and\\back.bin", data: [0]),
        ]
        let mail = try parsed(withFiles)
        #expect(mail.structure == "multipart/mixed(multipart/alternative(text/plain,text/html),application/pdf,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/plain,text/csv,application/octet-stream)")
        #expect(mail.attachments.map(\.filename) == withFiles.attachments.map(\.filename))
        #expect(mail.attachments.map { Array(Data(base64Encoded: $0.data) ?? Data()) } == withFiles.attachments.map(\.data))
    }

    @Test func mergedValuesCannotStartAHeader() throws {
        let attack = "Nabídka\r\nBcc: victim@example.com\r\n\r\nInjected body\u{0}"
        var injected = try message(to: [MailAddress("jana@firma.cz", name: "Jana\r\nBcc: victim@example.com")], subject: attack)
        injected.attachments = [Attachment(filename: "a\r\nContent-Type: text/html\r\n.pdf", data: [1])]
        let mail = try parsed(injected)
        #expect(!mail.headerNames.contains("Bcc"))
        #expect(mail.headerNames.filter { $0 == "Content-Type" }.count == 1)
        #expect(mail.subject == "Nabídka Bcc: victim@example.com Injected body")
        #expect(mail.to.first?.name == "Jana Bcc: victim@example.com")
        #expect(mail.attachments.first?.filename == "a Content-Type: text/html .pdf")
        for address in ["jana@firma.cz\r\nBcc: x@y.cz", "jana@firma.cz\u{0}", "jana @firma.cz", "<jana@firma.cz>", "jana@firma..cz", "jana", "@firma.cz", "jana@-firma.cz", "ja\"na@firma.cz"] {
            #expect(throws: MailError.self) { try MailAddress(address) }
        }
    }

    @Test func listUnsubscribeWithOneClickPost() throws {
        var list = try message()
        list.listUnsubscribe = ["mailto:odhlasit@kontakt-demo.cz?subject=unsubscribe", "https://kontakt-demo.cz/odhlasit?id=42&t=abc"]
        let mail = try parsed(list)
        #expect(mail.listUnsubscribe == "<mailto:odhlasit@kontakt-demo.cz?subject=unsubscribe>, <https://kontakt-demo.cz/odhlasit?id=42&t=abc>")
        #expect(mail.listUnsubscribePost == "List-Unsubscribe=One-Click")
        list.listUnsubscribe = ["mailto:odhlasit@kontakt-demo.cz"]
        #expect(try parsed(list).listUnsubscribePost == nil)
        for bad in ["http://insecure.cz/x", "https://x.cz/a b", "https://x.cz/\r\nBcc: y@z.cz", "javascript:alert(1)", "https://x.cz/>"] {
            list.listUnsubscribe = [bad]
            #expect(throws: MailError.invalidUnsubscribeURL(bad)) { try MessageWriter.render(list) }
        }
    }

    @Test func messageIDsAreUniqueOnTheSendersDomain() throws {
        let plain = try message()
        let ids = try (0..<1000).map { _ in try MessageWriter.render(plain).messageID }
        #expect(Set(ids).count == 1000)
        #expect(ids.allSatisfy { $0.hasPrefix("<") && $0.hasSuffix("@kontakt-demo.cz>") })
    }

    @Test func aMessageNeedsARecipient() throws {
        let nobody = MailMessage(from: sender, to: [], subject: "x", text: "x")
        #expect(throws: MailError.incomplete("it has no recipient")) { try MessageWriter.render(nobody) }
    }

    @Test func datesInEveryOffset() {
        #expect(MailDate(seconds: 0, offsetMinutes: 0).headerValue == "Thu, 1 Jan 1970 00:00:00 +0000")
        #expect(MailDate(seconds: 1_795_959_005, offsetMinutes: 60).headerValue == "Sun, 29 Nov 2026 14:30:05 +0100")
        #expect(MailDate(seconds: 1_795_959_005, offsetMinutes: -330).headerValue == "Sun, 29 Nov 2026 08:00:05 -0530")
        #expect(MailDate(seconds: 951_782_400, offsetMinutes: 120).headerValue == "Tue, 29 Feb 2000 02:00:00 +0200")
    }
}
