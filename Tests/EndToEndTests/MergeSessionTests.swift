// `kontakt merge preview` through the built binary; the message read back by Python's email package.

import Foundation
import TestSupport
import Testing

@Suite struct MergeSessionTests {
    func decoded(_ eml: String) throws -> [String: String] {
        let script = """
            import email, json, sys
            from email import policy
            m = email.message_from_bytes(sys.stdin.buffer.read(), policy=policy.default)
            defects = [type(d).__name__ for part in m.walk() for d in part.defects]
            print(json.dumps({"subject": str(m["subject"]), "to": str(m["to"]), "from": str(m["from"]), "defects": str(defects),
                              "text": m.get_body(preferencelist=("plain",)).get_content()}))
            """
        return try Python.strings(script, input: Data(eml.utf8))
    }

    @Test func previewOneMessageAndReportTemplateErrors() throws {
        let s = try Session()
        try s.ok("init")
        try s.ok("referent", "add", "novak", "--name", "Jan Novák", "--email", "jan@kontakt-demo.cz")
        try s.ok("firm", "add", "Strojírny Brno, a.s.")
        try s.ok("person", "add", "--firm", "1", "--title-before", "Ing.", "--first", "Zdeněk", "--last", "Němec", "--gender", "m", "--email", "zdenek@strojirny.cz")
        try s.ok("person", "add", "--firm", "1", "--first", "Jana", "--last", "Bez E-mailu")
        let template = try s.write("nabidka.md", """
            ---
            subject: "Nabídka pro {{firm.name}}"
            from: "{{referent.name}} <{{referent.email}}>"
            required: [person.email]
            ---
            {{salutation}},

            posíláme nabídku.

            {{referent.name}}
            """)
        let eml = try s.ok("merge", "preview", template, "--person", "1", "--referent", "novak")
        #expect(eml.contains("\r\n"))
        let mail = try decoded(eml)
        #expect(mail["defects"] == "[]")
        #expect(mail["subject"] == "Nabídka pro Strojírny Brno, a.s.")
        #expect(mail["to"] == "\"Ing. Zdeněk Němec\" <zdenek@strojirny.cz>")
        #expect(mail["from"] == "Jan Novák <jan@kontakt-demo.cz>")
        // The decoded body keeps the message's CRLF line ends.
        #expect(mail["text"]?.hasPrefix("Vážený pane inženýre,\r\n\r\nposíláme nabídku.") == true)

        let skipped = try s.run("merge", "preview", template, "--person", "2", "--referent", "novak")
        #expect(skipped.status == 1)
        #expect(skipped.stderr == "error: person 2 would get no message: the person has no e-mail address\n")

        let typo = try s.write("typo.md", "---\nsubject: x\n---\nDobrý den, {{person.frist}}\n")
        let error = try s.run("merge", "preview", typo, "--person", "1")
        #expect(error.status == 1)
        #expect(error.stderr.contains("typo.md:4:12: there is no merge field \"person.frist\" (did you mean \"person.first\"?)"))
    }
}
