// An independent reader for the messages Kontakt writes: Python's `email` package with
// `policy.default`, run as a separate process. What it decodes is what a mail client shows.

import Foundation
import TestSupport

/// What Python's parser made of one message.
struct ParsedMail: Decodable {
    struct Mailbox: Decodable, Equatable { let name: String; let address: String }
    struct File: Decodable { let filename: String?; let contentType: String; let data: String }

    let defects: [String]
    let headerNames: [String]
    let from: [Mailbox]
    let to: [Mailbox]
    let cc: [Mailbox]
    let replyTo: [Mailbox]
    let subject: String
    let messageId: String
    let date: String?
    let structure: String
    let text: String?
    let html: String?
    let attachments: [File]
    let listUnsubscribe: String?
    let listUnsubscribePost: String?
    let longestLine: Int
    let longestHeaderLine: Int
    let bareLineFeeds: Int
}

enum PythonEmail {
    static let script = #"""
import email, json, sys, base64
from email import policy
data = sys.stdin.buffer.read()
msg = email.message_from_bytes(data, policy=policy.default)
defects = []
for part in msg.walk():
    defects += [type(d).__name__ for d in part.defects]
    for name, value in part.items():
        defects += [name + ": " + type(d).__name__ for d in getattr(value, 'defects', [])]
def boxes(name):
    header = msg[name]
    return [] if header is None else [{"name": a.display_name, "address": a.addr_spec} for a in header.addresses]
def structure(part):
    if part.is_multipart():
        return part.get_content_type() + "(" + ",".join(structure(p) for p in part.iter_parts()) + ")"
    return part.get_content_type()
text = msg.get_body(preferencelist=('plain',))
html = msg.get_body(preferencelist=('html',))
head = data.split(b"\r\n\r\n", 1)[0]
lines = data.split(b"\r\n")
print(json.dumps({
    "defects": defects,
    "headerNames": [name for name, _ in msg.items()],
    "from": boxes("from"), "to": boxes("to"), "cc": boxes("cc"), "replyTo": boxes("reply-to"),
    "subject": str(msg["subject"]), "messageId": str(msg["message-id"]),
    "date": msg["date"].datetime.isoformat() if msg["date"] is not None else None,
    "structure": structure(msg),
    "text": text.get_content() if text is not None else None,
    "html": html.get_content() if html is not None else None,
    "attachments": [{"filename": a.get_filename(), "contentType": a.get_content_type(),
                     "data": base64.b64encode(a.get_content() if isinstance(a.get_content(), bytes) else a.get_content().encode()).decode()}
                    for a in msg.iter_attachments()],
    "listUnsubscribe": msg["list-unsubscribe"], "listUnsubscribePost": msg["list-unsubscribe-post"],
    "longestLine": max(len(l) for l in lines),
    "longestHeaderLine": max(len(l) for l in head.split(b"\r\n")),
    "bareLineFeeds": data.replace(b"\r\n", b"").count(b"\n") + data.replace(b"\r\n", b"").count(b"\r"),
}))
"""#

    static func parse(_ bytes: [UInt8]) throws -> ParsedMail {
        try JSONDecoder().decode(ParsedMail.self, from: Python.run(script, input: Data(bytes)))
    }
}
