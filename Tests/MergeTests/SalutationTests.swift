// Czech salutations against a list of 205 names with titles and genders, each expected form
// written out by hand.

import CRM
import Testing
@testable import Merge

@Suite struct SalutationTests {
    /// titles before | first | last | titles after | gender (m, f, ?) | formal salutation | informal
    static let names = """
        |Petr|Novák||m|Vážený pane Nováku|Milý Petře
        |Jan|Dvořák||m|Vážený pane Dvořáku|Milý Jane
        |Josef|Svoboda||m|Vážený pane Svobodo|Milý Josefe
        |Pavel|Černý||m|Vážený pane Černý|Milý Pavle
        |Martin|Procházka||m|Vážený pane Procházko|Milý Martine
        |Tomáš|Kučera||m|Vážený pane Kučero|Milý Tomáši
        |Jaroslav|Veselý||m|Vážený pane Veselý|Milý Jaroslave
        |Miroslav|Horák||m|Vážený pane Horáku|Milý Miroslave
        |Zdeněk|Němec||m|Vážený pane Němče|Milý Zdeňku
        |Václav|Marek||m|Vážený pane Marku|Milý Václave
        |Michal|Pospíšil||m|Vážený pane Pospíšile|Milý Michale
        |František|Pokorný||m|Vážený pane Pokorný|Milý Františku
        |Jiří|Hájek||m|Vážený pane Hájku|Milý Jiří
        |Lukáš|Král||m|Vážený pane Králi|Milý Lukáši
        |Ondřej|Jelínek||m|Vážený pane Jelínku|Milý Ondřeji
        |Milan|Růžička||m|Vážený pane Růžičko|Milý Milane
        |Karel|Beneš||m|Vážený pane Beneši|Milý Karle
        |Radek|Fiala||m|Vážený pane Fialo|Milý Radku
        |Vojtěch|Sedláček||m|Vážený pane Sedláčku|Milý Vojtěchu
        |David|Doležal||m|Vážený pane Doležale|Milý Davide
        |Roman|Zeman||m|Vážený pane Zemane|Milý Romane
        |Stanislav|Kolář||m|Vážený pane Koláři|Milý Stanislave
        |Daniel|Krejčí||m|Vážený pane Krejčí|Milý Danieli
        |Marek|Navrátil||m|Vážený pane Navrátile|Milý Marku
        |Jakub|Čermák||m|Vážený pane Čermáku|Milý Jakube
        |Filip|Švec||m|Vážený pane Ševče|Milý Filipe
        |Adam|Kos||m|Vážený pane Kose|Milý Adame
        |Vladimír|Urban||m|Vážený pane Urbane|Milý Vladimíre
        |Ladislav|Vaněk||m|Vážený pane Vaňku|Milý Ladislave
        |Antonín|Bartoš||m|Vážený pane Bartoši|Milý Antoníne
        |Matěj|Kovář||m|Vážený pane Kováři|Milý Matěji
        |Aleš|Vlček||m|Vážený pane Vlčku|Milý Aleši
        |Oldřich|Polák||m|Vážený pane Poláku|Milý Oldřichu
        |Bedřich|Musil||m|Vážený pane Musile|Milý Bedřichu
        |Jindřich|Šimek||m|Vážený pane Šimku|Milý Jindřichu
        |Luboš|Konečný||m|Vážený pane Konečný|Milý Luboši
        |Vít|Malý||m|Vážený pane Malý|Milý Víte
        |Richard|Holub||m|Vážený pane Holube|Milý Richarde
        |Robert|Štěpánek||m|Vážený pane Štěpánku|Milý Roberte
        |Patrik|Kadlec||m|Vážený pane Kadleci|Milý Patriku
        |Dominik|Mráz||m|Vážený pane Mrázi|Milý Dominiku
        |Libor|Hruška||m|Vážený pane Hruško|Milý Libore
        |Igor|Pešek||m|Vážený pane Pešku|Milý Igore
        |Viktor|Kratochvíl||m|Vážený pane Kratochvíle|Milý Viktore
        |Rostislav|Vávra||m|Vážený pane Vávro|Milý Rostislave
        |Ivan|Kopecký||m|Vážený pane Kopecký|Milý Ivane
        |Dušan|Blažek||m|Vážený pane Blažku|Milý Dušane
        |Kamil|Moravec||m|Vážený pane Moravče|Milý Kamile
        |Hynek|Kříž||m|Vážený pane Kříži|Milý Hynku
        |Přemysl|Pavlík||m|Vážený pane Pavlíku|Milý Přemysle
        |Emil|Soukup||m|Vážený pane Soukupe|Milý Emile
        |Šimon|Bureš||m|Vážený pane Bureši|Milý Šimone
        |Štěpán|Matoušek||m|Vážený pane Matoušku|Milý Štěpáne
        |Alexandr|Kovařík||m|Vážený pane Kovaříku|Milý Alexandře
        |Otakar|Dostál||m|Vážený pane Dostále|Milý Otakare
        |Bohumil|Štěpán||m|Vážený pane Štěpáne|Milý Bohumile
        |Kryštof|Sýkora||m|Vážený pane Sýkoro|Milý Kryštofe
        |Matyáš|Vacek||m|Vážený pane Vacku|Milý Matyáši
        |Leoš|Hořejší||m|Vážený pane Hořejší|Milý Leoši
        |Rudolf|Říha||m|Vážený pane Řího|Milý Rudolfe
        |Eduard|Mach||m|Vážený pane Machu|Milý Eduarde
        |Dalibor|Bláha||m|Vážený pane Bláho|Milý Dalibore
        |Lubomír|Pokorný||m|Vážený pane Pokorný|Milý Lubomíre
        |Jaromír|Kubíček||m|Vážený pane Kubíčku|Milý Jaromíre
        |Erik|Hudec||m|Vážený pane Hudče|Milý Eriku
        |Marcel|Zima||m|Vážený pane Zimo|Milý Marceli
        |Samuel|Havel||m|Vážený pane Havle|Milý Samueli
        |Michael|Kozel||m|Vážený pane Kozle|Milý Michaeli
        |Julius|Orel||m|Vážený pane Orle|Milý Julie
        |Lev|Šťastný||m|Vážený pane Šťastný|Milý Lve
        |Max|Staněk||m|Vážený pane Staňku|Milý Maxi
        |Felix|Vondráček||m|Vážený pane Vondráčku|Milý Felixi
        |Hugo|Lukeš||m|Vážený pane Lukeši|Milý Hugo
        |René|Barták||m|Vážený pane Bartáku|Milý René
        |Vavřinec|Slavík||m|Vážený pane Slavíku|Milý Vavřinče
        |Luděk|Charvát||m|Vážený pane Charváte|Milý Luďku
        |Zbyněk|Šindelář||m|Vážený pane Šindeláři|Milý Zbyňku
        |Honza|Beran||m|Vážený pane Berane|Milý Honzo
        |Jirka|Tichý||m|Vážený pane Tichý|Milý Jirko
        |Ota|Janda||m|Vážený pane Jando|Milý Oto
        |Tadeáš|Hloušek||m|Vážený pane Hloušku|Milý Tadeáši
        |Vilém|Hrubý||m|Vážený pane Hrubý|Milý Viléme
        |Alois|Skála||m|Vážený pane Skálo|Milý Aloisi
        |Bořivoj|Tuček||m|Vážený pane Tučku|Milý Bořivoji
        |Svatopluk|Jireš||m|Vážený pane Jireši|Milý Svatopluku
        |Čestmír|Brabec||m|Vážený pane Brabče|Milý Čestmíre
        |Vítězslav|Kazda||m|Vážený pane Kazdo|Milý Vítězslave
        |Miloš|Zelenka||m|Vážený pane Zelenko|Milý Miloši
        |Rostislav|Skřivánek||m|Vážený pane Skřivánku|Milý Rostislave
        |Kamil|Petrák||m|Vážený pane Petráku|Milý Kamile
        |Vladislav|Fišer||m|Vážený pane Fišere|Milý Vladislave
        |Josef|Kafka||m|Vážený pane Kafko|Milý Josefe
        |Karel|Čapek||m|Vážený pane Čapku|Milý Karle
        |Bohuslav|Martinů||m|Vážený pane Martinů|Milý Bohuslave
        |Leoš|Janáček||m|Vážený pane Janáčku|Milý Leoši
        |Antonín|Dvořák||m|Vážený pane Dvořáku|Milý Antoníne
        |Jan|Žižka||m|Vážený pane Žižko|Milý Jane
        |Jiří|Trnka||m|Vážený pane Trnko|Milý Jiří
        |Dominik|Hudeček||m|Vážený pane Hudečku|Milý Dominiku
        |Bohdan|Řezníček||m|Vážený pane Řezníčku|Milý Bohdane
        |Evžen|Šebek||m|Vážený pane Šebku|Milý Evžene
        |Hubert|Doubek||m|Vážený pane Doubku|Milý Huberte
        |Kamil|Pazdera||m|Vážený pane Pazdero|Milý Kamile
        |Slavomír|Hanák||m|Vážený pane Hanáku|Milý Slavomíre
        |Norbert|Stejskal||m|Vážený pane Stejskale|Milý Norberte
        |Radim|Kubát||m|Vážený pane Kubáte|Milý Radime
        |Arnošt|Vojtíšek||m|Vážený pane Vojtíšku|Milý Arnošte
        |Ctibor|Šafránek||m|Vážený pane Šafránku|Milý Ctibore
        |Zikmund|Vrba||m|Vážený pane Vrbo|Milý Zikmunde
        |Teodor|Mikeš||m|Vážený pane Mikeši|Milý Teodore
        |Ferdinand|Holeček||m|Vážený pane Holečku|Milý Ferdinande
        |Augustin|Hladík||m|Vážený pane Hladíku|Milý Augustine
        |Vratislav|Sommer||m|Vážený pane Sommere|Milý Vratislave
        |Jana|Nováková||f|Vážená paní Nováková|Milá Jano
        |Eva|Svobodová||f|Vážená paní Svobodová|Milá Evo
        |Hana|Dvořáková||f|Vážená paní Dvořáková|Milá Hano
        |Anna|Černá||f|Vážená paní Černá|Milá Anno
        |Lenka|Procházková||f|Vážená paní Procházková|Milá Lenko
        |Kateřina|Kučerová||f|Vážená paní Kučerová|Milá Kateřino
        |Lucie|Veselá||f|Vážená paní Veselá|Milá Lucie
        |Věra|Horáková||f|Vážená paní Horáková|Milá Věro
        |Alena|Němcová||f|Vážená paní Němcová|Milá Aleno
        |Petra|Marková||f|Vážená paní Marková|Milá Petro
        |Veronika|Pokorná||f|Vážená paní Pokorná|Milá Veroniko
        |Martina|Hájková||f|Vážená paní Hájková|Milá Martino
        |Jaroslava|Králová||f|Vážená paní Králová|Milá Jaroslavo
        |Tereza|Jelínková||f|Vážená paní Jelínková|Milá Terezo
        |Michaela|Růžičková||f|Vážená paní Růžičková|Milá Michaelo
        |Zuzana|Benešová||f|Vážená paní Benešová|Milá Zuzano
        |Ivana|Fialová||f|Vážená paní Fialová|Milá Ivano
        |Monika|Sedláčková||f|Vážená paní Sedláčková|Milá Moniko
        |Markéta|Doležalová||f|Vážená paní Doležalová|Milá Markéto
        |Marie|Zemanová||f|Vážená paní Zemanová|Milá Marie
        |Dagmar|Kolářová||f|Vážená paní Kolářová|Milá Dagmar
        |Ester|Krejčí||f|Vážená paní Krejčí|Milá Ester
        |Olga|Navrátilová||f|Vážená paní Navrátilová|Milá Olgo
        |Ludmila|Čermáková||f|Vážená paní Čermáková|Milá Ludmilo
        |Šárka|Švecová||f|Vážená paní Švecová|Milá Šárko
        |Simona|Kosová||f|Vážená paní Kosová|Milá Simono
        |Klára|Urbanová||f|Vážená paní Urbanová|Milá Kláro
        |Natálie|Vaňková||f|Vážená paní Vaňková|Milá Natálie
        |Eliška|Bartošová||f|Vážená paní Bartošová|Milá Eliško
        |Barbora|Kovářová||f|Vážená paní Kovářová|Milá Barboro
        |Adéla|Vlčková||f|Vážená paní Vlčková|Milá Adélo
        |Kristýna|Poláková||f|Vážená paní Poláková|Milá Kristýno
        |Andrea|Musilová||f|Vážená paní Musilová|Milá Andreo
        |Gabriela|Šimková||f|Vážená paní Šimková|Milá Gabrielo
        |Renata|Konečná||f|Vážená paní Konečná|Milá Renato
        |Soňa|Malá||f|Vážená paní Malá|Milá Soňo
        |Vlasta|Holubová||f|Vážená paní Holubová|Milá Vlasto
        |Blanka|Štěpánková||f|Vážená paní Štěpánková|Milá Blanko
        |Jitka|Kadlecová||f|Vážená paní Kadlecová|Milá Jitko
        |Irena|Mrázová||f|Vážená paní Mrázová|Milá Ireno
        |Milena|Hrušková||f|Vážená paní Hrušková|Milá Mileno
        |Dana|Pešková||f|Vážená paní Pešková|Milá Dano
        |Helena|Kratochvílová||f|Vážená paní Kratochvílová|Milá Heleno
        |Jarmila|Vávrová||f|Vážená paní Vávrová|Milá Jarmilo
        |Libuše|Kopecká||f|Vážená paní Kopecká|Milá Libuše
        |Naděžda|Blažková||f|Vážená paní Blažková|Milá Naděždo
        |Marcela|Moravcová||f|Vážená paní Moravcová|Milá Marcelo
        |Zdeňka|Křížová||f|Vážená paní Křížová|Milá Zdeňko
        |Pavla|Nováková-Dvořáková||f|Vážená paní Nováková-Dvořáková|Milá Pavlo
        |Karolína|Sýkorová||f|Vážená paní Sýkorová|Milá Karolíno
        Ing.|Petr|Novák||m|Vážený pane inženýre|Milý Petře
        Ing.|Jana|Nováková||f|Vážená paní inženýrko|Milá Jano
        Mgr.|Tomáš|Kučera||m|Vážený pane magistře|Milý Tomáši
        Mgr.|Eva|Svobodová||f|Vážená paní magistro|Milá Evo
        MUDr.|Jan|Dvořák||m|Vážený pane doktore|Milý Jane
        MUDr.|Hana|Dvořáková||f|Vážená paní doktorko|Milá Hano
        JUDr.|Pavel|Černý||m|Vážený pane doktore|Milý Pavle
        JUDr.|Anna|Černá||f|Vážená paní doktorko|Milá Anno
        doc. Ing.|Martin|Procházka|CSc.|m|Vážený pane docente|Milý Martine
        doc. MUDr.|Lenka|Procházková|Ph.D.|f|Vážená paní docentko|Milá Lenko
        prof. Ing.|Jiří|Hájek|DrSc.|m|Vážený pane profesore|Milý Jiří
        prof. PhDr.|Věra|Horáková|CSc.|f|Vážená paní profesorko|Milá Věro
        Bc.|Lukáš|Král||m|Vážený pane Králi|Milý Lukáši
        Bc.|Klára|Urbanová||f|Vážená paní Urbanová|Milá Kláro
        Ing.|Radek|Fiala|Ph.D.|m|Vážený pane doktore|Milý Radku
        RNDr.|Karel|Beneš||m|Vážený pane doktore|Milý Karle
        PhDr.|Alena|Němcová||f|Vážená paní doktorko|Milá Aleno
        MVDr.|Michal|Pospíšil||m|Vážený pane doktore|Milý Michale
        Ing. arch.|David|Doležal||m|Vážený pane inženýre|Milý Davide
        MgA.|Petra|Marková||f|Vážená paní magistro|Milá Petro
        Mgr.|Filip|Švec|MBA|m|Vážený pane magistře|Milý Filipe
        |Tomáš|Kos|DiS.|m|Vážený pane Kose|Milý Tomáši
        PaedDr.|Ivana|Fialová||f|Vážená paní doktorko|Milá Ivano
        PharmDr.|Roman|Zeman||m|Vážený pane doktore|Milý Romane
        Ing.|Zdeněk|Němec||m|Vážený pane inženýre|Milý Zdeňku
        doc. RNDr.|Věra|Novotná|CSc.|f|Vážená paní docentko|Milá Věro
        prof. MUDr.|Josef|Svoboda|DrSc.|m|Vážený pane profesore|Milý Josefe
        Ing.|Markéta|Doležalová|MBA|f|Vážená paní inženýrko|Milá Markéto
        JUDr. Ing.|Stanislav|Kolář||m|Vážený pane doktore|Milý Stanislave
        |Jana|Nováková||?|Vážená paní Nováková|Milá Jano
        |Petr|Novák||?|Vážený pane Nováku|Milý Petře
        |Alex|Krejčí||?|Vážená paní, vážený pane|Dobrý den
        Ing.|Eva|Černá||?|Vážená paní inženýrko|Milá Evo
        |Tomáš|Černý||?|Vážený pane Černý|Milý Tomáši
        |Kim|Lee||?|Vážená paní, vážený pane|Dobrý den
        |Zdeněk|Krejčí||?|Vážený pane Krejčí|Milý Zdeňku
        |Ester|Krejčí||?|Vážená paní Krejčí|Milá Ester
        |Saša|Beneš||?|Vážená paní, vážený pane|Dobrý den
        |Marie|Svobodová-Nová||?|Vážená paní Svobodová-Nová|Milá Marie
        |PETR|NOVÁK||m|Vážený pane NOVÁKU|Milý PETŘE
        ||Dvořák||m|Vážený pane Dvořáku|Dobrý den
        """

    struct Case: CustomStringConvertible {
        let name: PersonName
        let gender: Gender
        let formal: String
        let informal: String
        var description: String { "\(name.withTitles) (\(gender.rawValue))" }
    }

    static let cases: [Case] = names.split(separator: "\n").map { line in
        let f = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        let gender: Gender = f[4] == "m" ? .male : f[4] == "f" ? .female : .unknown
        return Case(name: PersonName(titleBefore: f[0].isEmpty ? nil : f[0], first: f[1], last: f[2], titleAfter: f[3].isEmpty ? nil : f[3]),
                    gender: gender, formal: f[5], informal: f[6])
    }

    @Test func theListIsLongEnough() {
        #expect(SalutationTests.cases.count >= 200)
    }

    @Test(arguments: SalutationTests.cases)
    func salutation(_ c: Case) {
        let salutation = Salutation(name: c.name, gender: c.gender)
        #expect(salutation.formal == c.formal)
        #expect(salutation.informal == c.informal)
    }

    @Test func unknownGenderIsInferredAndSaysSo() {
        let inferred = Salutation(name: PersonName(first: "Jana", last: "Nováková"), gender: .unknown)
        #expect(inferred.gender == .female)
        #expect(inferred.genderInferred)
        let recorded = Salutation(name: PersonName(first: "Jana", last: "Nováková"), gender: .female)
        #expect(!recorded.genderInferred)
        let unknown = Salutation(name: PersonName(first: "Kim", last: "Lee"), gender: .unknown)
        #expect(unknown.gender == .unknown)
        #expect(!unknown.genderInferred)
    }

    @Test func noPersonMeansTheFirm() {
        #expect(Salutation(name: nil, gender: .unknown).formal == "Vážení obchodní přátelé")
    }

    @Test func vocativeFieldsOfTheName() {
        let salutation = Salutation(name: PersonName(titleBefore: "Ing.", first: "Zdeněk", last: "Němec"), gender: .male)
        #expect(salutation.vocativeFirst == "Zdeňku")
        #expect(salutation.vocativeLast == "Němče")
    }
}
