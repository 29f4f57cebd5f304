// The postal address block of a letter, per ČSN 01 6910 and ČSN ISO 11180.

/// The lines of an address as printed in the address zone of a letter or on a label:
/// firm, person with titles, street and number, `ZIP␣␣TOWN` in capitals, and the country in
/// capitals when the letter goes abroad.
///
///     AddressBlock(firmName: "Alfa s.r.o.", person: name, address: address).lines
///     // ["Alfa s.r.o.", "Ing. Jan Novák", "Dlouhá 12", "110 00  PRAHA 1"]
public struct AddressBlock: Equatable, Sendable {
    public let lines: [String]

    /// - Parameters:
    ///   - courtesy: a private person's block may start with "Pan"/"Paní" (ČSN 01 6910);
    ///     it is printed only when `firmName` is nil and the gender is known.
    ///   - home: the sender's country; an address elsewhere gets the country line.
    public init(firmName: String?, person: PersonName? = nil, gender: Gender = .unknown, courtesy: Bool = false,
                address: PostalAddress, home: Country = .czechia) {
        var lines: [String] = []
        if courtesy, firmName == nil {
            switch gender {
            case .male: lines.append("Pan")
            case .female: lines.append("Paní")
            case .unknown: break
            }
        }
        if let firmName, !firmName.isEmpty { lines.append(firmName) }
        if let person, !person.withTitles.isEmpty { lines.append(person.withTitles) }
        if let street = address.street.map(AddressBlock.streetWithoutPrefix), !street.isEmpty { lines.append(street) }
        if let townLine = AddressBlock.townLine(address) { lines.append(townLine) }
        if address.country != home { lines.append(address.country.postalName) }
        self.lines = lines
    }

    public var text: String { lines.joined(separator: "\n") }

    /// ČSN 01 6910 writes the street without "ul." or "ulice".
    static func streetWithoutPrefix(_ street: String) -> String {
        let trimmed = street.trimmingSpaces
        for prefix in ["ul. ", "ul.", "ulice "] where trimmed.lowercased().hasPrefix(prefix) {
            return String(trimmed.dropFirst(prefix.count)).trimmingSpaces
        }
        return trimmed
    }

    /// `110 00  PRAHA 1` at home and in Slovakia (two spaces), `10115 BERLIN` in most of
    /// Europe, `LONDON SW1A 1AA` where the town comes first.
    static func townLine(_ address: PostalAddress) -> String? {
        let town = address.city?.trimmingSpaces.uppercased() ?? ""
        let zip = address.zip ?? ""
        if town.isEmpty && zip.isEmpty { return nil }
        if town.isEmpty { return zip }
        if zip.isEmpty { return town }
        if address.country.writesTownBeforeZip { return "\(town) \(zip)" }
        return address.country.writesZipAsThreeTwo ? "\(zip)  \(town)" : "\(zip) \(town)"
    }
}
