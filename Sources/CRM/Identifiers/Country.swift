// Countries of postal addresses: stored as ISO 3166 alpha-2 codes when recognised.

/// A country as the address book keeps it. Names in Czech or English and ISO codes are
/// recognised (`Slovensko`, `Slovakia`, `sk` → `SK`); anything else is kept as typed, so an
/// unusual country is never refused, only printed as the user wrote it.
///
///     Country("Německo").code       // "DE"
///     Country("DE").postalName      // "NĚMECKO"
public struct Country: Hashable, Sendable, CustomStringConvertible {
    /// The ISO code when recognised, else the trimmed text as typed.
    public let code: String

    /// The home country of this installation's sender (letters to it print no country line).
    public static let czechia = Country(code: "CZ")

    private init(code: String) { self.code = code }

    /// Resolves a name or code; a blank text means `home`.
    public init(_ text: String?, home: Country = .czechia) {
        guard let value = text.nonBlank else { self = home; return }
        let key = Folding.fold(value)
        if let entry = Country.table.first(where: { $0.code.lowercased() == key || $0.names.contains(key) }) {
            code = entry.code
        } else {
            code = value
        }
    }

    /// The name for the last line of an address abroad: Czech, in capitals (as Česká pošta
    /// and the UPU ask); an unrecognised country prints as typed, in capitals.
    public var postalName: String {
        (Country.table.first { $0.code == code }?.czech ?? code).uppercased()
    }

    /// Czech and Slovak post codes share the `NNN NN` form and the two spaces before the town.
    public var writesZipAsThreeTwo: Bool { code == "CZ" || code == "SK" }

    /// Countries that write the town before the post code.
    public var writesTownBeforeZip: Bool { ["GB", "US", "CA", "IE", "AU"].contains(code) }

    public var description: String { code }

    private struct Entry { let code: String; let czech: String; let names: [String] }

    private static let table: [Entry] = [
        ("CZ", "Česká republika", ["cesko", "ceska republika", "czech republic", "czechia", "cr"]),
        ("SK", "Slovensko", ["slovensko", "slovakia", "slovenska republika", "sr"]),
        ("DE", "Německo", ["nemecko", "germany", "deutschland", "spolkova republika nemecko"]),
        ("AT", "Rakousko", ["rakousko", "austria", "osterreich"]),
        ("PL", "Polsko", ["polsko", "poland", "polska"]),
        ("HU", "Maďarsko", ["madarsko", "hungary", "magyarorszag"]),
        ("SI", "Slovinsko", ["slovinsko", "slovenia"]),
        ("HR", "Chorvatsko", ["chorvatsko", "croatia", "hrvatska"]),
        ("IT", "Itálie", ["italie", "italy", "italia"]),
        ("FR", "Francie", ["francie", "france"]),
        ("ES", "Španělsko", ["spanelsko", "spain", "espana"]),
        ("PT", "Portugalsko", ["portugalsko", "portugal"]),
        ("GB", "Spojené království", ["spojene kralovstvi", "velka britanie", "united kingdom", "great britain", "uk"]),
        ("IE", "Irsko", ["irsko", "ireland"]),
        ("NL", "Nizozemsko", ["nizozemsko", "netherlands", "holandsko", "nederland"]),
        ("BE", "Belgie", ["belgie", "belgium"]),
        ("LU", "Lucembursko", ["lucembursko", "luxembourg"]),
        ("CH", "Švýcarsko", ["svycarsko", "switzerland", "schweiz"]),
        ("DK", "Dánsko", ["dansko", "denmark"]),
        ("SE", "Švédsko", ["svedsko", "sweden"]),
        ("NO", "Norsko", ["norsko", "norway"]),
        ("FI", "Finsko", ["finsko", "finland"]),
        ("EE", "Estonsko", ["estonsko", "estonia"]),
        ("LV", "Lotyšsko", ["lotyssko", "latvia"]),
        ("LT", "Litva", ["litva", "lithuania"]),
        ("RO", "Rumunsko", ["rumunsko", "romania"]),
        ("BG", "Bulharsko", ["bulharsko", "bulgaria"]),
        ("GR", "Řecko", ["recko", "greece"]),
        ("UA", "Ukrajina", ["ukrajina", "ukraine"]),
        ("RS", "Srbsko", ["srbsko", "serbia"]),
        ("TR", "Turecko", ["turecko", "turkey", "turkiye"]),
        ("US", "Spojené státy americké", ["spojene staty americke", "usa", "united states", "united states of america"]),
        ("CA", "Kanada", ["kanada", "canada"]),
        ("CN", "Čína", ["cina", "china"]),
        ("JP", "Japonsko", ["japonsko", "japan"]),
        ("AU", "Austrálie", ["australie", "australia"]),
    ].map { Entry(code: $0.0, czech: $0.1, names: $0.2) }
}
