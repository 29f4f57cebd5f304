// DKIM signing checked by an independent verifier (dkimpy, with its DNS answered from the key's
// own record) over a corpus of the messages Kontakt writes and some it only passes on: empty
// bodies, long lines, folded headers, non-ASCII, attachments, bare line feeds.

import Foundation
import Testing
import TestSupport
@testable import Mail

@Suite struct DKIMTests {
    static let rsa = try! DKIMKey.generate(.rsa)
    static let ed25519 = try! DKIMKey.generate(.ed25519)

    @Test func relaxedCanonicalizationIsTheRFCsExample() {
        // RFC 6376 §3.4.6.
        let a = DKIMCanonicalization.relaxedHeader(ArraySlice(Array("A: X".utf8)))
        let b = DKIMCanonicalization.relaxedHeader(ArraySlice(Array("B : Y\t\r\n\tZ  ".utf8)))
        #expect(String(decoding: a, as: UTF8.self) == "a:X")
        #expect(String(decoding: b, as: UTF8.self) == "b:Y Z")
        let body = DKIMCanonicalization.relaxedBody(ArraySlice(Array(" C \r\nD \t E\r\n\r\n\r\n".utf8)))
        #expect(String(decoding: body, as: UTF8.self) == " C\r\nD E\r\n")
        #expect(DKIMCanonicalization.relaxedBody([]).isEmpty)
        #expect(DKIMCanonicalization.relaxedBody(ArraySlice(Array("\r\n\r\n".utf8))).isEmpty)
        #expect(String(decoding: DKIMCanonicalization.relaxedBody(ArraySlice(Array("no end".utf8))), as: UTF8.self) == "no end\r\n")
    }

    /// Messages as MessageWriter writes them, and a few as other programs do.
    static func corpus() throws -> [[UInt8]] {
        let from = try MailAddress("obchod@firma.cz", name: "Obchodní oddělení Firma s.r.o.")
        let to = try MailAddress("jana.novakova@example.cz", name: "Ing. Jana Nováková")
        var messages: [MailMessage] = []
        messages.append(MailMessage(from: from, to: [to], subject: "Prázdné", text: ""))
        messages.append(MailMessage(from: from, to: [to], subject: "Dlouhé řádky " + String(repeating: "předmět ", count: 40),
                                    text: String(repeating: "slovo ", count: 400) + "\n\n\n"))
        var html = MailMessage(from: from, to: [to, try MailAddress("petr@example.com")], subject: "Nabídka", text: "Vážená paní Nováková,\n\n  mezery  na konci   \n",
                               html: "<p>Vážená paní <b>Nováková</b></p>\n")
        html.cc = [try MailAddress("kopie@example.cz")]
        html.replyTo = [try MailAddress("odpovedi@firma.cz")]
        html.listUnsubscribe = ["https://crm.firma.cz/unsubscribe/1.2.abc", "mailto:unsubscribe@firma.cz"]
        messages.append(html)
        var attached = MailMessage(from: from, to: [to], subject: "Ceník 2027", text: "V příloze ceník.\n")
        attached.attachments = [Attachment(filename: "ceník 2027.pdf", data: Array(repeating: 0x25, count: 5000) + Array(0...255)),
                                Attachment(filename: "poznámka.txt", data: Array("řádek\n".utf8))]
        messages.append(attached)
        var rendered = try messages.map { try MessageWriter.render($0).bytes }
        // Written by hand or by another program: a bare LF, spaces after a colon, a folded
        // Subject, tabs, trailing blank lines.
        rendered.append(Array("From: Someone <a@firma.cz>\nTo: b@example.cz\nSubject:   Folded\n\tsubject  line \nDate: Wed, 2 Dec 2026 10:00:00 +0100\nMessage-ID: <x@firma.cz>\n\nBody\twith\t tabs   \n\n\n".utf8))
        rendered.append(Array("From: a@firma.cz\r\nTo: b@example.cz\r\nSubject: no body\r\n\r\n".utf8))
        rendered.append(Array("From: a@firma.cz\r\nTo: b@example.cz\r\nSubject: no empty line".utf8))
        return rendered
    }

    static func records(_ signer: DKIMSigner) -> [String: String] {
        ["\(signer.selector)._domainkey.\(signer.domain).": signer.key.dnsRecord]
    }

    @Test(arguments: [DKIMKey.Algorithm.rsa, .ed25519])
    func dkimpyVerifiesEveryMessageOfTheCorpus(_ algorithm: DKIMKey.Algorithm) throws {
        let signer = try DKIMSigner(domain: "firma.cz", selector: "kontakt2026", key: algorithm == .rsa ? Self.rsa : Self.ed25519)
        let corpus = try Self.corpus()
        let signed = try corpus.map { try signer.sign($0) }
        let verdicts = try DKIMVerifier.verify(signed, records: Self.records(signer))
        #expect(verdicts.count == corpus.count)
        for (index, verdict) in verdicts.enumerated() {
            #expect(verdict.ok, "message \(index): \(verdict.error ?? "")")
            #expect(verdict.algorithm == (algorithm == .rsa ? "rsa-sha256" : "ed25519-sha256"))
            #expect(verdict.domain == "firma.cz")
        }
        // No line of a signature is longer than 78 characters.
        for message in signed {
            let header = String(decoding: message.prefix(while: { $0 != 0 }), as: UTF8.self).components(separatedBy: "\r\n").prefix(while: { !$0.isEmpty })
            let signatureLines = header.prefix { $0.hasPrefix("DKIM-Signature:") || $0.hasPrefix("\t") }
            #expect(!signatureLines.isEmpty && signatureLines.allSatisfy { $0.count <= 78 })
        }
    }

    @Test func aChangedBodyOrAnAddedFromFailsVerification() throws {
        let signer = try DKIMSigner(domain: "firma.cz", selector: "s1", key: Self.ed25519)
        let message = try Self.corpus()[2]
        let signed = try signer.sign(message)
        var body = signed
        body[body.count - 5] ^= 0x01
        // Oversigned: a second From (or unsubscribe link) added above the first breaks it.
        let addedFrom = Array("From: Attacker <x@evil.example>\r\n".utf8) + signed
        let addedLink = Array("List-Unsubscribe: <https://evil.example/>\r\n".utf8) + signed
        let verdicts = try DKIMVerifier.verify([signed, body, addedFrom, addedLink], records: Self.records(signer))
        #expect(verdicts.map(\.ok) == [true, false, false, false])
    }

    @Test func signingAgainReplacesTheOwnSignatureOnly() throws {
        let signer = try DKIMSigner(domain: "firma.cz", selector: "s1", key: Self.rsa)
        let other = try DKIMSigner(domain: "partner.cz", selector: "p", key: Self.ed25519)
        let message = try Self.corpus()[0]
        let twice = try signer.sign(other.sign(signer.sign(message)))
        let text = String(decoding: twice, as: UTF8.self)
        #expect(text.components(separatedBy: "DKIM-Signature:").count == 3)
        #expect(text.contains("d=partner.cz"))
        let verdicts = try DKIMVerifier.verify([twice], records: Self.records(signer).merging(Self.records(other)) { a, _ in a })
        #expect(verdicts.first?.ok == true)
        // The signed fields: From, To, Subject, Date, Message-ID, the MIME fields and the
        // unsubscribe pair, From and the unsubscribe pair named once more than they occur.
        let withLink = try signer.sign(Self.corpus()[2])
        let unfolded = String(decoding: withLink, as: UTF8.self).replacingOccurrences(of: "\r\n\t", with: "")
        let h = unfolded.range(of: "h=").map { unfolded[$0.upperBound...].prefix { $0 != ";" } }.map(String.init) ?? ""
        #expect(h.hasPrefix("from:from:to:to:cc:reply-to:subject:subject:date:message-id:mime-version:content-type:"))
        #expect(h.hasSuffix("list-unsubscribe:list-unsubscribe:list-unsubscribe-post:list-unsubscribe-post"))
    }

    @Test func keysRoundTripThroughPEMAndTheirRecordsAreWhatTheVerifierReads() throws {
        for key in [Self.rsa, Self.ed25519] {
            let again = try DKIMKey(pem: key.pemRepresentation)
            #expect(again.publicKeyTag == key.publicKeyTag)
            #expect(key.dnsRecord.hasPrefix("v=DKIM1; k=\(key.algorithm.rawValue); p="))
            let line = key.zoneLine(selector: "s", domain: "firma.cz")
            #expect(line.hasPrefix("s._domainkey.firma.cz. IN TXT ( \""))
            // Every TXT string holds at most 255 characters.
            let strings = line.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
            #expect(strings.allSatisfy { $0.count <= 255 } && strings.joined() == key.dnsRecord)
        }
        #expect(Self.ed25519.publicKeyTag.count == 44)
        #expect(throws: MailError.self) { try DKIMKey(pem: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n") }
        #expect(throws: MailError.self) { try DKIMSigner(domain: "firma", selector: "s", key: Self.rsa) }
        #expect(throws: MailError.self) { try DKIMSigner(domain: "firma.cz", selector: "s;x=1", key: Self.rsa) }
    }

    @Test func aKeyFileOthersMayReadIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontakt-dkim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("key.pem").path
        try Self.ed25519.pemRepresentation.write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o644)
        #expect { try DKIMKey(file: path) } throws: { "\($0)".contains("chmod 600") }
        chmod(path, 0o600)
        #expect(try DKIMKey(file: path).publicKeyTag == Self.ed25519.publicKeyTag)
        #expect { try DKIMKey(file: folder.appendingPathComponent("missing.pem").path) } throws: { "\($0)".contains("missing.pem") }
    }
}
