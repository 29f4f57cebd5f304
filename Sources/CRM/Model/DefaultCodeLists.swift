// The code lists a new database starts with: kinds and results of contacts, labelled in Czech.

public enum DefaultCodeLists {
    public static let lists: [(name: String, label: String)] = [
        (CodeListName.kind, "Druh kontaktu"),
        (CodeListName.result, "Výsledek"),
        (CodeListName.role, "Role firmy"),
    ]

    public static let values: [CodeValue] = [
        CodeValue(list: "kind", code: "call", label: "Telefonát"),
        CodeValue(list: "kind", code: "meeting", label: "Schůzka"),
        CodeValue(list: "kind", code: "negotiation", label: "Jednání"),
        CodeValue(list: "kind", code: "letter", label: "Dopis"),
        CodeValue(list: "kind", code: "email", label: "E-mail"),
        CodeValue(list: "kind", code: "event", label: "Událost"),
        CodeValue(list: "kind", code: "task", label: "Úkol"),
        CodeValue(list: "result", code: "promise", label: "Příslib dalšího jednání", outcome: .open),
        CodeValue(list: "result", code: "offer", label: "Zaslána nabídka", outcome: .open),
        CodeValue(list: "result", code: "contract", label: "Uzavření smlouvy", outcome: .success),
        CodeValue(list: "result", code: "order", label: "Objednávka", outcome: .success),
        CodeValue(list: "result", code: "no-interest", label: "Nezájem", outcome: .failure),
        CodeValue(list: "result", code: "price", label: "Vysoká cena", outcome: .failure),
        CodeValue(list: "result", code: "competitor", label: "Zvolili konkurenci", outcome: .failure),
        CodeValue(list: "result", code: "no-budget", label: "Nemají rozpočet", outcome: .failure),
        CodeValue(list: "result", code: "timing", label: "Nevhodná doba", outcome: .failure),
        // The labels a firm's roles show as; the codes are FirmRole's and cannot change.
        CodeValue(list: "role", code: "customer", label: "Zákazník"),
        CodeValue(list: "role", code: "prospect", label: "Potenciální zákazník"),
        CodeValue(list: "role", code: "supplier", label: "Dodavatel"),
    ]
}
