// Telling a woman from a man by the name, where Czech names make it reliable.

import CRM

/// What the name says of the gender: Czech women's surnames end in `-ová`, `-á` (`Nováková`,
/// `Černá`), men's adjectival surnames in `-ý`; first names come from lists of common Czech
/// names. A surname such as `Krejčí` or a name on neither list says nothing.
public enum GenderInference {
    public static func infer(first: String, last: String) -> Gender {
        let surname = last.lowercased().split(whereSeparator: { $0 == "-" || $0 == " " }).last.map(String.init) ?? ""
        if surname.hasSuffix("ová") || (surname.hasSuffix("á") && surname.count > 2) { return .female }
        if surname.hasSuffix("ý") { return .male }
        let given = first.lowercased().split(separator: " ").first.map(String.init) ?? ""
        if femaleNames.contains(given) { return .female }
        if maleNames.contains(given) { return .male }
        return .unknown
    }

    static let maleNames: Set<String> = [
        "adam", "aleš", "alexandr", "antonín", "bedřich", "bohumil", "bohuslav", "bořivoj", "čestmír", "dalibor", "daniel", "david",
        "dominik", "dušan", "eduard", "emil", "erik", "filip", "františek", "hynek", "ivan", "ivo", "jakub", "jan", "jaromír",
        "jaroslav", "jindřich", "jiří", "josef", "kamil", "karel", "kryštof", "ladislav", "leoš", "libor", "lubomír", "luboš",
        "ludvík", "lukáš", "marek", "martin", "matěj", "matyáš", "michal", "milan", "miloslav", "miloš", "miroslav", "oldřich",
        "ondřej", "otakar", "patrik", "pavel", "petr", "přemysl", "radek", "radim", "richard", "robert", "roman",
        "rostislav", "rudolf", "samuel", "šimon", "stanislav", "štěpán", "svatopluk", "tadeáš", "tomáš", "václav", "viktor",
        "vilém", "vít", "vítězslav", "vladimír", "vladislav", "vlastimil", "vojtěch", "zbyněk", "zdeněk", "jiri", "honza", "jirka",
        "kuba", "jarda", "mirek", "pepa", "franta", "standa", "vašek", "ota", "oto", "matouš", "benjamin", "sebastián", "alois",
    ]

    static let femaleNames: Set<String> = [
        "adéla", "alena", "alžběta", "andrea", "anna", "barbora", "blanka", "božena", "dagmar", "dana", "daniela", "denisa",
        "drahomíra", "eliška", "ema", "eva", "gabriela", "hana", "helena", "irena", "iveta", "ivana", "jana", "jarmila",
        "jaroslava", "jiřina", "jitka", "kamila", "karolína", "kateřina", "klára", "kristýna", "lenka", "libuše", "lucie",
        "ludmila", "magdaléna", "marcela", "marie", "markéta", "marta", "martina", "michaela", "milada", "milena", "miroslava",
        "monika", "naděžda", "natálie", "olga", "pavla", "petra", "radka", "renata", "romana", "šárka", "simona",
        "soňa", "stanislava", "tereza", "vendula", "věra", "veronika", "vladimíra", "vlasta", "zdeňka", "zuzana", "žaneta", "ester",
    ]
}
