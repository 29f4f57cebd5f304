// Persons as vCard 4.0 (RFC 6350): the name with titles, the organisation, the function,
// e-mail, phones and the firm's address, one card per person with a stable UID.

import CRM

public enum VCardExport {
    /// One vCard for a person of `firm`.
    public static func card(_ person: Person, firm: Firm) -> String {
        var card = "BEGIN:VCARD\r\nVERSION:4.0\r\n"
        card += ContentLine.line("UID", "urn:kontakt:person:\(person.id ?? 0)")
        card += ContentLine.line("FN", ContentLine.text(person.name.withTitles))
        // N: family; given; additional; prefixes; suffixes.
        let parts = [person.name.last, person.name.first, "", person.name.titleBefore ?? "", person.name.titleAfter ?? ""]
        card += ContentLine.line("N", parts.map(ContentLine.text).joined(separator: ";"))
        card += ContentLine.line("ORG", ContentLine.text(firm.name))
        if let function = person.function, !function.isEmpty { card += ContentLine.line("TITLE", ContentLine.text(function)) }
        if let email = person.email { card += ContentLine.line("EMAIL;TYPE=work", email.value) }
        if let phone = person.phone, !phone.isEmpty { card += ContentLine.line("TEL;VALUE=uri;TYPE=\"work,voice\"", "tel:" + uriPhone(phone)) }
        if let mobile = person.mobile, !mobile.isEmpty { card += ContentLine.line("TEL;VALUE=uri;TYPE=\"cell,voice\"", "tel:" + uriPhone(mobile)) }
        let address = firm.address
        if address.street != nil || address.city != nil {
            // ADR: post office box; extended; street; locality; region; postal code; country.
            let fields = ["", "", address.street ?? "", address.city ?? "", "", address.zip ?? "", address.country.postalName]
            card += ContentLine.line("ADR;TYPE=work", fields.map(ContentLine.text).joined(separator: ";"))
        }
        if let note = person.note, !note.isEmpty { card += ContentLine.line("NOTE", ContentLine.text(note)) }
        return card + "END:VCARD\r\n"
    }

    /// A phone number as a `tel:` URI: digits and a leading +, separators as hyphens.
    static func uriPhone(_ phone: String) -> String {
        var result = ""
        for character in phone {
            if character.isNumber || (character == "+" && result.isEmpty) { result.append(character) } else if character == " " || character == "-" {
                if !result.isEmpty && result.last != "-" { result.append("-") }
            }
        }
        return result.hasSuffix("-") ? String(result.dropLast()) : result
    }
}
