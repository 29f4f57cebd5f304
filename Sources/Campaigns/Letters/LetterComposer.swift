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
        if !attention.isEmpty {
            paragraphs.insert("<b>\(attentionLabel):</b> " + attention.map(Markup.escaped).joined(separator: ", "), at: 0)
        }
        var letter = Letter(sender: sender,
                            recipient: AddressBlock(firmName: firm.name, person: person?.name, gender: person?.gender ?? .unknown, address: firm.address).lines,
                            subject: merged.subject, salutation: salutation.formal + ",", paragraphs: paragraphs)
        letter.ourReference = template.header.ourReference ?? ""
        letter.handledBy = referent?.name ?? ""
        letter.date = CzechFormat.longDate(today)
        letter.closing = template.header.closing ?? "S pozdravem"
        letter.signature = referent.map { [$0.name] } ?? []
        return letter
    }

    /// The template's layout options for a run of letters.
    static func options(_ template: Template) -> LetterOptions {
        var layout = LetterOptions()
        layout.window = AddressWindow(rawValue: template.header.window ?? "right") ?? .right
        layout.foldMarks = template.header.foldMarks
        return layout
    }
}
