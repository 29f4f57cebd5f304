// The Czech vocative (5th case) of first names and surnames, by Kontakt's own rules and an
// exceptions table — the form a letter addresses someone in: "Vážený pane Nováku", "Milá Jano".

import CRM
import Synchronization

/// Declines a name into the vocative.
///
/// Men: adjectival names (`Černý`, `Krejčí`, `Jiří`) stay; `-a` becomes `-o` (`Svobodo`);
/// a fleeting `e` drops before `-k`/`-c`/`-l` (`Marku`, `Zdeňku`, `Němče`, `Pavle`); `k`, `h`,
/// `g`, `ch` take `-u` (`Nováku`); soft consonants take `-i` (`Tomáši`, `Ondřeji`); `r` after a
/// consonant becomes `-ře` (`Petře`); other consonants take `-e` (`Jane`, `Kose`). Women: `-a`
/// becomes `-o` for first names (`Jano`); surnames (`Nováková`) and other endings stay.
/// Checked against 500-odd names with their sources (Tests/MergeTests/VocativeCorpus.swift).
/// `exceptions` holds the names the rules get wrong (`Švec` → `Ševče`, `Marcel` → `Marceli`).
public enum CzechVocative {
    public static func firstName(_ name: String, gender: Gender) -> String {
        remembered(Declension(name: name, gender: gender, isSurname: false))
    }

    public static func surname(_ name: String, gender: Gender) -> String {
        remembered(Declension(name: name, gender: gender, isSurname: true))
    }

    /// One name to decline, as the key of what has been declined already.
    private struct Declension: Hashable {
        let name: String
        let gender: Gender
        let isSurname: Bool
    }

    /// A campaign declines the same few thousand names over and over: each is worked out once.
    /// Bounded, so an unusual list of names does not grow it without end.
    private static let declined = Mutex<[Declension: String]>([:])

    private static func remembered(_ declension: Declension) -> String {
        if let known = declined.withLock({ $0[declension] }) { return known }
        let vocative = decline(declension.name, gender: declension.gender, isSurname: declension.isSurname)
        declined.withLock { table in
            if table.count >= 8_192 { table.removeAll(keepingCapacity: true) }
            table[declension] = vocative
        }
        return vocative
    }

    /// Names the rules would get wrong, by their lower-case nominative: an inserted or fleeting
    /// vowel the spelling does not show, or an `e` that is not fleeting.
    static let exceptions: [String: String] = [
        "švec": "ševče", "lev": "lve", "kadlec": "kadleci", "marcel": "marceli",
        "pavel": "pavle", "karel": "karle", "havel": "havle", "kozel": "kozle", "orel": "orle",
        // -l declines softly in this one (IJP: Králi), unlike Musil → Musile.
        "král": "králi",
        // A fleeting e the spelling does not show (ASČ: Půlpytli).
        "půlpytel": "půlpytli",
    ]

    private static let softEndings: Set<Character> = ["š", "ž", "č", "ř", "c", "j", "ď", "ť", "ň", "x", "z"]
    private static let velarEndings: Set<Character> = ["k", "h", "g"]
    private static let vowels: Set<Character> = ["a", "á", "e", "é", "ě", "i", "í", "o", "ó", "u", "ú", "ů", "y", "ý"]

    static func decline(_ name: String, gender: Gender, isSurname: Bool) -> String {
        // Double names decline part by part: "Nováková-Dvořáková", "Jan Pavel".
        for separator in ["-", " "] where name.contains(separator) {
            return name.components(separatedBy: separator).map { decline($0, gender: gender, isSurname: isSurname) }.joined(separator: separator)
        }
        let lower = name.lowercased()
        guard lower.count >= 2 else { return name }
        if let exception = exceptions[lower] { return matchingCase(exception, like: name) }
        return matchingCase(gender == .female ? feminine(lower, isSurname: isSurname) : masculine(lower), like: name)
    }

    private static func feminine(_ name: String, isSurname: Bool) -> String {
        // Surnames (-ová, -á, Krejčí) and names ending otherwise (Marie, Dagmar) do not change.
        guard !isSurname, name.hasSuffix("a") else { return name }
        return String(name.dropLast()) + "o"
    }

    private static func masculine(_ name: String) -> String {
        let characters = Array(name)
        let last = characters[characters.count - 1]
        let beforeLast = characters[characters.count - 2]
        // Adjectival and foreign vowel endings stay: Černý, Krejčí, Hugo, René; so do -e and -ě
        // (soudce: Purkyně, Osolsobě).
        if ["ý", "í", "o", "u", "e", "é", "ě", "i", "y", "ů", "á"].contains(last) { return name }
        // Possessive and adjectival plural forms are indeclinable: Petrův, Tichých.
        if name.hasSuffix("ův") || name.hasSuffix("ých") { return name }
        if last == "a" { return String(characters.dropLast()) + "o" }
        if name.hasSuffix("ch") { return name + "u" }
        // -el after a vowel keeps its e and is soft: Daniel → Danieli, Michael → Michaeli.
        if name.hasSuffix("el"), characters.count >= 3, vowels.contains(characters[characters.count - 3]) { return name + "i" }
        // A fleeting e before the last consonant: Marek → Marku, Zdeněk → Zdeňku, Němec → Němče.
        if characters.count >= 4, beforeLast == "e" || beforeLast == "ě", !vowels.contains(characters[characters.count - 3]) {
            var stem = Array(characters.dropLast(2))
            if last == "k" {
                // ě before the dropped vowel softens the consonant: Zdeněk → Zdeňku, Luděk → Luďku.
                if beforeLast == "ě", let hard = stem.last, let soft = softPairs[hard] { stem[stem.count - 1] = soft }
                return String(stem) + "ku"
            }
            if last == "c" { return String(stem) + "če" }
        }
        if softEndings.contains(last) { return name + "i" }
        if velarEndings.contains(last) { return name + "u" }
        if last == "r", !vowels.contains(beforeLast) { return String(characters.dropLast()) + "ře" }
        if name.hasSuffix("ius") { return String(characters.dropLast(3)) + "ie" }
        // -aus, -ais, -ois decline softly (Naše řeč: Krausi, Raisi, Aloisi).
        if ["aus", "ais", "ois"].contains(where: name.hasSuffix) { return name + "i" }
        return name + "e"
    }

    private static let softPairs: [Character: Character] = ["n": "ň", "d": "ď", "t": "ť"]

    /// The declined lower-case form with the original's capitals: "NOVÁK" → "NOVÁKU", "Novák" → "Nováku".
    static func matchingCase(_ declined: String, like original: String) -> String {
        if original == original.uppercased(), original != original.lowercased() { return declined.uppercased() }
        guard let first = original.first, first.isUppercase else { return declined }
        return declined.prefix(1).uppercased() + declined.dropFirst()
    }
}
