// The generator behind kontakt-sample: plausible Czech firms, people and sales history.

import CRM
import Interchange

struct SampleData {
    private var random: SeededRandom
    private let firmCount: Int
    private var firms: [(ico: String, domain: String)] = []
    /// The persons of each firm (by index), as e-mails, for contacts to refer to.
    private var personEmails: [[String]]

    init(seed: UInt64, firmCount: Int) {
        random = SeededRandom(seed: seed)
        self.firmCount = firmCount
        personEmails = Array(repeating: [], count: firmCount)
    }


    static let cities: [(city: String, zip: String, territory: String)] = [
        ("Praha 1", "11000", "praha"), ("Praha 4", "14000", "praha"), ("Praha 9", "19000", "praha"), ("Brno", "60200", "morava"),
        ("Ostrava", "70200", "slezsko"), ("Plzeň", "30100", "cechy"), ("Olomouc", "77900", "morava"), ("Liberec", "46001", "cechy"),
        ("České Budějovice", "37001", "cechy"), ("Hradec Králové", "50002", "cechy"), ("Pardubice", "53002", "cechy"),
        ("Zlín", "76001", "morava"), ("Jihlava", "58601", "morava"), ("Ústí nad Labem", "40001", "cechy"),
        ("Chrudim", "53701", "cechy"), ("Opava", "74601", "slezsko"), ("Třebíč", "67401", "morava"), ("Kolín", "28002", "cechy"),
    ]
    static let streets = ["Masarykova", "Nádražní", "Husova", "Palackého", "Komenského", "Smetanova", "Dlouhá", "Školní",
                          "Tyršova", "Žižkova", "Průmyslová", "Čechova", "Riegrova", "Jiráskova", "Havlíčkova", "Na Příkopě"]
    static let firmWords = ["Strojírny", "Elektro", "Stavby", "Dřevovýroba", "Agro", "Kovo", "Textil", "Plasty", "Logistika",
                            "Software", "Obchod", "Služby", "Tiskárna", "Pekárna", "Autodíly", "Technika"]
    static let legalForms = ["s.r.o.", "a.s.", "spol. s r.o.", "v.o.s."]
    static let industries = ["strojirenstvi", "automotive", "stavebnictvi", "it", "potravinarstvi", "logistika", "energetika", "zdravotnictvi"]
    static let sources = ["veletrh", "doporuceni", "web", "cold-call", "inzerce"]
    static let men = ["Jan", "Petr", "Josef", "Pavel", "Martin", "Tomáš", "Jaroslav", "Miroslav", "Zdeněk", "Václav", "Michal",
                      "František", "Jiří", "Lukáš", "Ondřej", "Marek", "Karel", "Milan", "Vojtěch", "Radek"]
    static let women = ["Jana", "Marie", "Eva", "Hana", "Anna", "Lenka", "Kateřina", "Lucie", "Věra", "Alena", "Petra",
                        "Veronika", "Martina", "Jaroslava", "Tereza", "Michaela", "Zuzana", "Ivana", "Monika", "Markéta"]
    /// Men's surnames with their women's forms.
    static let surnames: [(String, String)] = [
        ("Novák", "Nováková"), ("Svoboda", "Svobodová"), ("Novotný", "Novotná"), ("Dvořák", "Dvořáková"), ("Černý", "Černá"),
        ("Procházka", "Procházková"), ("Kučera", "Kučerová"), ("Veselý", "Veselá"), ("Horák", "Horáková"), ("Němec", "Němcová"),
        ("Marek", "Marková"), ("Pospíšil", "Pospíšilová"), ("Pokorný", "Pokorná"), ("Hájek", "Hájková"), ("Král", "Králová"),
        ("Jelínek", "Jelínková"), ("Růžička", "Růžičková"), ("Beneš", "Benešová"), ("Fiala", "Fialová"), ("Sedláček", "Sedláčková"),
        ("Doležal", "Doležalová"), ("Zeman", "Zemanová"), ("Kolář", "Kolářová"), ("Krejčí", "Krejčí"), ("Navrátil", "Navrátilová"),
        ("Čermák", "Čermáková"), ("Švec", "Švecová"), ("Kos", "Kosová"), ("Urban", "Urbanová"), ("Vaněk", "Vaňková"),
    ]
    static let functions = ["jednatel", "ředitel", "obchodní ředitel", "vedoucí nákupu", "nákupčí", "technik", "asistentka",
                            "vedoucí výroby", "finanční ředitel", "IT správce"]
    static let departments = ["nákup", "výroba", "obchod", "vedení", "finance", "IT"]
    static let interests = ["servis", "novinky", "akce", "skoleni"]
    static let texts: [String: [String]] = [
        "call": ["Telefonát – domluvena schůzka", "Ověření zájmu o nabídku", "Dotaz na termín dodání", "Připomenutí nabídky"],
        "meeting": ["Schůzka u zákazníka, představení produktů", "Prezentace řešení vedení firmy", "Prohlídka provozu a sběr požadavků"],
        "negotiation": ["Jednání o ceně a podmínkách", "Vyjednávání rámcové smlouvy", "Jednání o rozšíření spolupráce"],
        "email": ["Zaslána nabídka e-mailem", "Odpověď na poptávku", "Zaslán ceník na rok 2027"],
        "letter": ["Dopis s nabídkou služeb", "Pozvánka na veletrh"],
        "event": ["Setkání na veletrhu MSV Brno", "Účast na zákaznickém dni"],
    ]

    static func ascii(_ text: String) -> String {
        Folding.fold(text).filter { $0.isLetter || $0.isNumber }
    }

    mutating func firmsCSV() -> String {
        var csv = CSVWriter(delimiter: ";")
        csv.write(["name", "ico", "dic", "roles", "street", "city", "zip", "email", "phone", "web", "territory", "industry", "employees", "source"])
        for index in 0..<firmCount {
            let base = 2_500_000 + index * 37 + random.number(0...30)
            var digits = Array(String(base).suffix(7)).compactMap(\.wholeNumberValue)
            digits.append(ICO.checkDigit(for: digits))
            let ico = digits.map(String.init).joined()
            let owner = random.pick(SampleData.surnames).0
            let name = "\(random.pick(SampleData.firmWords)) \(owner) \(random.pick(SampleData.legalForms))"
            let domain = "\(SampleData.ascii(owner))\(index + 1).cz"
            firms.append((ico, domain))
            let place = random.pick(SampleData.cities)
            var roles: [String] = []
            if random.chance(45) { roles.append("customer") }
            if roles.isEmpty || random.chance(20) { roles.append(random.chance(85) ? "prospect" : "supplier") }
            let phone = "+420 \(random.number(200...799)) \(random.number(100...999)) \(random.number(100...999))"
            csv.write([name, ico, random.chance(80) ? "CZ\(ico)" : "", roles.joined(separator: "|"), "\(random.pick(SampleData.streets)) \(random.number(1...250))",
                       place.city, place.zip, "info@\(domain)", phone, "www.\(domain)", place.territory, random.pick(SampleData.industries),
                       String(random.pick([3, 8, 15, 25, 40, 60, 120, 250, 600, 1500])), random.pick(SampleData.sources)])
        }
        return csv.text
    }

    mutating func personsCSV(count: Int) -> String {
        var csv = CSVWriter(delimiter: ";")
        csv.write(["firm", "titleBefore", "first", "last", "titleAfter", "gender", "function", "email", "phone", "department", "seniority", "trained", "interest"])
        for index in 0..<count {
            let firm = index % max(firmCount, 1)
            let female = random.chance(45)
            let surname = random.pick(SampleData.surnames)
            let first = female ? random.pick(SampleData.women) : random.pick(SampleData.men)
            let last = female ? surname.1 : surname.0
            let titleBefore = random.chance(25) ? random.pick(["Ing.", "Ing.", "Ing.", "Mgr.", "MUDr.", "JUDr.", "doc. Ing.", "prof. Ing.", "RNDr.", "Bc."]) : ""
            let titleAfter = random.chance(8) ? random.pick(["Ph.D.", "CSc.", "MBA"]) : ""
            let email = "\(SampleData.ascii(first)).\(SampleData.ascii(last))\(index)@\(firms[firm].domain)"
            personEmails[firm].append(email)
            let trained = "20\(random.number(20...26))-\(String(format2(random.number(1...12))))-\(format2(random.number(1...28)))"
            csv.write([firms[firm].ico, titleBefore, first, last, titleAfter, female ? "f" : "m", random.pick(SampleData.functions), email,
                       "+420 6\(random.number(0...9))\(random.number(0...9)) \(random.number(100...999)) \(random.number(100...999))", random.pick(SampleData.departments),
                       String(random.number(0...30)), trained, random.pick(SampleData.interests)])
        }
        return csv.text
    }

    mutating func contactsCSV(count: Int, singleFirm: Bool) -> String {
        var csv = CSVWriter(delimiter: ";")
        csv.write(["firm", "person", "date", "kind", "status", "referent", "result", "text", "note", "nextDate", "nextTask"])
        let kinds = ["call", "call", "call", "call", "meeting", "meeting", "meeting", "email", "email", "negotiation", "letter", "event"]
        let referents = ["novak", "svobodova", "dvorak"]
        let today = CivilDate(year: 2026, month: 11, day: 29)!
        for _ in 0..<count {
            let firm = singleFirm ? 0 : random.number(0...(firmCount - 1))
            let kind = random.pick(kinds)
            let persons = personEmails[firm]
            let person = !persons.isEmpty && random.chance(75) ? random.pick(persons) : ""
            let date = today.adding(days: -random.number(0...730))
            let time = "T\(format2(random.number(8...17))):\(random.pick(["00", "15", "30", "45"]))"
            var result = ""
            if kind == "meeting" || kind == "negotiation" {
                result = random.pick(["promise", "promise", "offer", "contract", "contract", "no-interest", "price", "competitor", "no-budget"])
            } else if random.chance(20) {
                result = random.pick(["promise", "offer", "no-interest", "order"])
            }
            let followUp = result == "promise" || result == "offer"
            let nextDate = followUp ? date.adding(days: random.number(7...30)).iso : ""
            csv.write([firms[firm].ico, person, date.iso + time, kind, "contact", random.pick(referents), result, random.pick(SampleData.texts[kind]!),
                       random.chance(30) ? "Poznámka: zákazník preferuje komunikaci e-mailem; rozhoduje jednatel." : "", nextDate,
                       followUp ? random.pick(["Zaslat nabídku", "Zavolat a domluvit schůzku", "Připravit smlouvu"]) : ""])
        }
        return csv.text
    }

    private func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
