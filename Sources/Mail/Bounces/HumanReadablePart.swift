// The words a bounce says to a person, without the returned original: the first text part
// (HTML with its tags taken out), cut where the copy of the original message begins.

import Foundation

enum HumanReadablePart {
    /// Lines that begin the returned original in bounces that carry it inline.
    static let originalMarkers = [
        "original message", "below this line is a copy of the message", "this is a copy of the message", "copy of the original message",
        "original message follows", "unsent message below", "returned message", "text of the message follows", "message text follows",
        "headers of the original message", "--- the header of the original message", "original-message",
        "content of the message", "-- original text follows", "your message reads", "a copy of the original message",
    ]

    static func text(of message: MailEntity) -> String {
        let textual = message.all.first { entity in
            (entity.mediaType == "text/plain" || entity.mediaType == "text/html") && entity.children.isEmpty
                && !(entity.header("content-disposition")?.lowercased().hasPrefix("attachment") ?? false)
        }
        guard let part = textual else { return "" }
        var text = part.mediaType == "text/html" ? withoutTags(part.text) : part.text
        // The original copied in after the words: its headers begin with Received or Return-Path.
        var kept: [Substring] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            let lower = line.lowercased()
            // Or the original's header block copied in: two header lines in a row.
            if isOriginalHeader(lower), index + 1 < lines.count, isOriginalHeader(lines[index + 1].lowercased()) { break }
            // A marker line is set off by dashes, stars or the like, or is short: "The original
            // message was received at …" opens sendmail's report, not the copy.
            let decorated = lower.trimmingCharacters(in: .whitespaces).first.map { "-=*_<[".contains($0) } ?? false
            if originalMarkers.contains(where: lower.contains) && (decorated || lower.count <= 50) && !lower.contains("@") { break }
            if lower.hasPrefix("received: ") || lower.hasPrefix("return-path: ") { break }
            kept.append(line)
        }
        text = kept.joined(separator: "\n")
        return text
    }

    static func isOriginalHeader(_ line: String) -> Bool {
        ["from: ", "to: ", "subject: ", "date: ", "message-id: ", "mime-version: ", "content-type: ", "sender: ", "cc: "].contains { line.hasPrefix($0) }
    }

    /// The line that names the address, with the next one when it explains it; nil when none does.
    static func diagnostic(for address: String, in words: String) -> String? {
        let lines = words.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let index = lines.firstIndex(where: { $0.lowercased().contains(address) }) else { return nil }
        var text = lines[index]
        if index + 1 < lines.count, !lines[index + 1].isEmpty, !lines[index + 1].contains("@") { text += " " + lines[index + 1] }
        return String(text.prefix(500))
    }

    static func withoutTags(_ html: String) -> String {
        var output = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true; continue }
            if character == ">" { inTag = false; output.append(" "); continue }
            if !inTag { output.append(character) }
        }
        return output.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&nbsp;", with: " ")
    }
}
