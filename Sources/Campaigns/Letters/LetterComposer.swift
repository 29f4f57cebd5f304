// A merged template as a letter on paper: the address block, the formal vocative, the body's
// paragraphs, and the template's letter options. Shared by `letters` and lettered campaigns.

import CRM
import Merge
import Print

enum LetterComposer {
    /// - Parameters:
    ///   - person: nil for a letter to the firm as a whole.
    ///   - attention: persons a firm's letter names first ("K rukám: …").
    static func letter(_ merged: MergedMessage, salutation: Salutation, person: Person?, firm: Firm, template: Template, referent: Referent?,
                       sender: [String], today: CivilDate, attention: [String] = [], attentionLabel: String = "K rukám") -> Letter {
        var paragraphs = merged.letter.components(separatedBy: "\n\n").filter { !$0.isEmpty }
        // A body that opens with the salutation (as an e-mail template does) gets it once, in
        // the letter's place for it.
        if let first = paragraphs.first, first.hasPrefix(Markup.escaped(salutation.formal)), first.count <= salutation.formal.count + 2 {
            paragraphs.removeFirst()
        }
        // A body that ends with its own closing (one template for e-mail and letter) keeps it
        // in the letter's place for it, with the lines under it as the signature: never two.
        let ownClosing = closingIndex(paragraphs, template: template)
        var closing = template.header.closing ?? "S pozdravem"
        var signature = referent.map { [$0.name] } ?? []
        if let index = ownClosing {
            closing = Markup.plain(paragraphs[index]).trimmingSpaces
            signature = paragraphs[(index + 1)...].flatMap { $0.components(separatedBy: "\n") }.map { Markup.plain($0).trimmingSpaces }.filter { !$0.isEmpty }
            paragraphs.removeSubrange(index...)
        }
        if !attention.isEmpty {
            paragraphs.insert("<b>\(attentionLabel):</b> " + attention.map(Markup.escaped).joined(separator: ", "), at: 0)
        }
        var letter = Letter(sender: sender,
                            recipient: AddressBlock(firmName: firm.name, person: person?.name, gender: person?.gender ?? .unknown, address: person?.postalAddress(firm: firm) ?? firm.address).lines,
                            subject: merged.subject, salutation: salutation.formal + ",", paragraphs: paragraphs)
        letter.ourReference = template.header.ourReference ?? ""
        letter.handledBy = referent?.name ?? ""
        letter.date = CzechFormat.longDate(today)
        letter.closing = closing
        letter.signature = signature
        return letter
    }

    /// Closings a letter body may end with (besides the template's own `closing`), compared
    /// without case and a trailing comma.
    static let closings: Set<String> = ["s pozdravem", "s přátelským pozdravem", "se srdečným pozdravem", "srdečně zdraví", "s úctou",
                                        "s pozdravem a přáním hezkého dne", "děkuji", "děkujeme", "s díky", "mit freundlichen grüßen",
                                        "best regards", "kind regards", "regards", "sincerely", "yours sincerely", "yours faithfully"]

    /// The paragraph among the body's last four that is a closing, if any.
    static func closingIndex(_ paragraphs: [String], template: Template) -> Int? {
        var known = closings
        if let own = template.header.closing { known.insert(own.lowercased()) }
        for index in paragraphs.indices.reversed().prefix(4) {
            var text = Markup.plain(paragraphs[index]).trimmingSpaces.lowercased()
            if text.hasSuffix(",") { text.removeLast() }
            if known.contains(text) { return index }
        }
        return nil
    }

    /// The template's layout options for a run of letters.
    static func options(_ template: Template) -> LetterOptions {
        var layout = LetterOptions()
        layout.window = AddressWindow(rawValue: template.header.window ?? "right") ?? .right
        layout.foldMarks = template.header.foldMarks
        return layout
    }
}
