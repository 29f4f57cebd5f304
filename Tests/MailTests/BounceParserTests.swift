// What a message read back says, for the kinds of mail a bounce mailbox receives: DSNs with
// several recipients, global DSNs, Exim's header, ARF complaints, auto-replies, a person's reply.

import Testing
@testable import Mail

@Suite struct BounceParserTests {
    @Test func statusCodesAreReadBySubjectNotOnlyByClass() {
        func kind(_ code: String, action: String? = "failed", _ words: String = "") -> BounceKind {
            BounceClassifier.kind(status: StatusCode(code), action: action, diagnostic: words)
        }
        #expect(kind("5.1.1") == .hard && kind("5.1.2") == .hard && kind("5.1.10") == .hard)
        // A full mailbox is soft, whatever its class; so is a message too large.
        #expect(kind("5.2.2") == .soft && kind("4.2.2") == .soft && kind("5.3.4") == .soft)
        // Still being tried: not a bounce.
        #expect(kind("4.4.1", action: "delayed") == .delayed && kind("4.2.2", action: "delayed") == .delayed && kind("4.4.7", action: nil) == .delayed)
        // Policy and reputation: the sender's trouble.
        #expect(kind("5.7.1") == .policy && kind("5.7.26") == .policy)
        // A bare 5.0.0 says what its words say.
        #expect(kind("5.0.0", "550 Mailbox is full") == .soft && kind("5.0.0", "550 no such user") == .hard && kind("5.0.0", "blocked as spam") == .policy)
        #expect(StatusCode.first(in: "smtp; 550 5.1.1 <jana@example.cz>: Recipient address rejected") == StatusCode("5.1.1"))
        #expect(StatusCode.first(in: "Mailman 12.0.12 was released") == nil && StatusCode.first(in: "#5.1.10 null MX") == StatusCode("5.1.10"))
    }

    static let dsn = """
        From: MAILER-DAEMON@mx.example.cz (Mail Delivery System)
        To: bounces+3.41.0123456789abcdef0123@firma.cz
        Subject: Undelivered Mail Returned to Sender
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="B1"

        --B1
        Content-Type: text/plain

        I'm sorry to have to inform you that your message could not be delivered.

        --B1
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.cz
        Arrival-Date: Wed, 2 Dec 2026 10:00:00 +0100

        Final-Recipient: rfc822; jana@example.cz
        Original-Recipient: rfc822;Jana@Example.cz
        Action: failed
        Status: 5.1.1
        Diagnostic-Code: smtp; 550 5.1.1 <jana@example.cz>: Recipient address
            rejected: User unknown in local recipient table

        Final-Recipient: rfc822; petr@example.cz
        Action: failed
        Status: 5.2.2
        Diagnostic-Code: smtp; 552 5.2.2 Mailbox full

        Final-Recipient: rfc822; eva@example.cz
        Action: delayed
        Status: 4.4.1
        Will-Retry-Until: Fri, 4 Dec 2026 10:00:00 +0100

        Final-Recipient: rfc822; karel@example.cz
        Action: delivered
        Status: 2.0.0

        Final-Recipient: rfc822; ota@example.cz
        Action: failed
        Status: 5.7.1
        Diagnostic-Code: smtp; 550 5.7.1 Message rejected due to DMARC policy

        --B1
        Content-Type: text/rfc822-headers

        From: Obchod <obchod@firma.cz>
        To: jana@example.cz
        Message-ID: <abc.123@firma.cz>
        Subject: Nabídka

        --B1--
        """

    @Test func everyRecipientBlockOfADSNCounts() {
        let report = BounceParser.parse(Array(Self.dsn.utf8))
        #expect(report.kind == .bounce && report.isStandard)
        #expect(report.recipients.map(\.address) == ["jana@example.cz", "petr@example.cz", "eva@example.cz", "ota@example.cz"])
        #expect(report.recipients.map(\.kind) == [.hard, .soft, .delayed, .policy])
        #expect(report.recipients[0].diagnostic == "550 5.1.1 <jana@example.cz>: Recipient address rejected: User unknown in local recipient table")
        #expect(report.failed.count == 3 && report.delayed.map(\.address) == ["eva@example.cz"])
        #expect(report.originalMessageID == "abc.123@firma.cz" && report.originalRecipients == ["jana@example.cz"])
        #expect(report.deliveredTo == ["bounces+3.41.0123456789abcdef0123@firma.cz"])
    }

    @Test func aGlobalDSNNamesAnInternationalAddress() {
        let message = """
            From: mailer-daemon@example.cz
            To: bounces@firma.cz
            Subject: Delivery Status Notification (Failure)
            Content-Type: multipart/report; report-type=global-delivery-status; boundary=G

            --G
            Content-Type: text/plain; charset=utf-8

            Zprávu nelze doručit.
            --G
            Content-Type: message/global-delivery-status; charset=utf-8

            Reporting-MTA: dns; mx.example.cz

            Original-Recipient: utf-8; jiří@příklad.cz
            Final-Recipient: utf-8; jiří@příklad.cz
            Action: failed
            Status: 5.1.1
            --G--
            """
        let report = BounceParser.parse(Array(message.utf8))
        #expect(report.recipients.map(\.address) == ["jiří@příklad.cz"] && report.recipients.first?.kind == .hard)
    }

    @Test func eximsFailedRecipientsHeaderAndItsWords() {
        let message = """
            From: Mail Delivery System <Mailer-Daemon@mx.example.org>
            To: bounces+1.2.aa@firma.cz
            Subject: Mail delivery failed: returning message to sender
            Auto-Submitted: auto-replied
            X-Failed-Recipients: novak@example.org, full@example.org

            This message was created automatically by mail delivery software.

            A message that you sent could not be delivered to one or more of its
            recipients. This is a permanent error. The following address(es) failed:

              novak@example.org
                SMTP error from remote mail server after RCPT TO:<novak@example.org>:
                550 5.1.1 unknown user
              full@example.org
                mailbox is full: retry timeout exceeded

            ------ This is a copy of the message, including all the headers. ------
            """
        let report = BounceParser.parse(Array(message.utf8))
        #expect(report.kind == .bounce)
        #expect(report.recipients.map(\.address) == ["novak@example.org", "full@example.org"])
        #expect(report.recipients.map(\.kind) == [.hard, .soft])
    }

    @Test func anARFReportIsAComplaint() {
        let message = """
            From: feedback@mail.example.com
            To: abuse@firma.cz
            Subject: FW: Nabídka
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=feedback-report; boundary="F"

            --F
            Content-Type: text/plain

            This is an email abuse report.
            --F
            Content-Type: message/feedback-report

            Feedback-Type: abuse
            User-Agent: SomeGenerator/1.0
            Version: 1
            Original-Mail-From: <bounces+4.9.ab@firma.cz>
            Original-Rcpt-To: <jana@example.com>

            --F
            Content-Type: message/rfc822

            From: obchod@firma.cz
            To: jana@example.com
            Message-ID: <m.9@firma.cz>
            Subject: Nabídka

            Text.
            --F--
            """
        let report = BounceParser.parse(Array(message.utf8))
        #expect(report.kind == .complaint && report.feedbackType == "abuse")
        #expect(report.complainant == "jana@example.com" && report.originalMessageID == "m.9@firma.cz")
        #expect(report.recipients.isEmpty)
    }

    @Test(arguments: [
        "Auto-Submitted: auto-replied\nSubject: Re: Nabídka\n",
        "Subject: Automatická odpověď: Nabídka\n",
        "Subject: Out of Office: Nabídka\nX-Auto-Response-Suppress: All\n",
        "Precedence: auto_reply\nSubject: Nabídka\n",
    ])
    func autoRepliesAreNeverBounces(_ headers: String) {
        let message = "From: Jana Nováková <jana@example.cz>\nTo: obchod@firma.cz\n" + headers + "\nJsem mimo kancelář do 7. 12. Neplatná adresa? Ne: petr@example.cz zastupuje.\n"
        let report = BounceParser.parse(Array(message.utf8))
        #expect(report.kind == .autoReply && report.recipients.isEmpty)
    }

    @Test func aPersonsReplyIsLeftAlone() {
        let message = "From: Jana <jana@example.cz>\nTo: obchod@firma.cz\nSubject: Re: Nabídka\n\nDobrý den, pošlete prosím ceník i kolegovi petr@example.cz, jeho adresa je nová.\n"
        let report = BounceParser.parse(Array(message.utf8))
        #expect(report.kind == .other && report.recipients.isEmpty)
        // Nothing a malformed message does makes the parser fail: any bytes give a report.
        for bytes: [UInt8] in [[], [0xFF, 0xFE, 0x00], Array("Content-Type: multipart/report; boundary=\n\n--\n--".utf8),
                               Array(repeating: 0x40, count: 10_000), Array(String(repeating: "Content-Type: message/rfc822\n\n", count: 50).utf8)] {
            #expect(BounceParser.parse(bytes).recipients.isEmpty)
        }
    }
}
