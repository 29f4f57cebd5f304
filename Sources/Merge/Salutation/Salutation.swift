// Formal and informal Czech salutations: "Vážený pane inženýre", "Vážená paní Nováková",
// "Milý Petře".

import CRM

/// The salutations of one person (or of nobody: a letter to a firm).
///
/// The formal one addresses by the highest academic title when there is one (prof. over doc.
/// over the doctorates over Ing./Mgr.), else by the surname in the vocative. A person whose
/// gender is unknown and cannot be told from the name gets "Vážená paní, vážený pane".
public struct Salutation: Sendable, Equatable {
    public let formal: String
    public let informal: String
    public let vocativeFirst: String
    public let vocativeLast: String
    /// The gender the salutation assumes, and whether it was inferred from the name.
    public let gender: Gender
    public let genderInferred: Bool

    public static let toFirm = "Vážení obchodní přátelé"

    public init(name: PersonName?, gender recorded: Gender) {
        guard let name else {
            self.init(formal: Salutation.toFirm, informal: "Dobrý den", vocativeFirst: "", vocativeLast: "", gender: .unknown, genderInferred: false)
            return
        }
        var gender = recorded
        var inferred = false
        if gender == .unknown {
            gender = GenderInference.infer(first: name.first, last: name.last)
            inferred = gender != .unknown
        }
        let first = CzechVocative.firstName(name.first, gender: gender)
        let last = CzechVocative.surname(name.last, gender: gender)
        let formal: String
        let informal: String
        switch gender {
        case .male:
            formal = "Vážený pane " + (AcademicTitle.highest(in: name)?.vocativeMale ?? last)
            informal = name.first.isEmpty ? "Dobrý den" : "Milý \(first)"
        case .female:
            formal = "Vážená paní " + (AcademicTitle.highest(in: name)?.vocativeFemale ?? last)
            informal = name.first.isEmpty ? "Dobrý den" : "Milá \(first)"
        case .unknown:
            formal = "Vážená paní, vážený pane"
            informal = "Dobrý den"
        }
        self.init(formal: formal, informal: informal, vocativeFirst: first, vocativeLast: last, gender: gender, genderInferred: inferred)
    }

    init(formal: String, informal: String, vocativeFirst: String, vocativeLast: String, gender: Gender, genderInferred: Bool) {
        self.formal = formal; self.informal = informal; self.vocativeFirst = vocativeFirst; self.vocativeLast = vocativeLast
        self.gender = gender; self.genderInferred = genderInferred
    }
}

/// Academic titles as a salutation uses them, highest first.
enum AcademicTitle: Int, Comparable {
    case engineerOrMaster = 1, doctor, docent, professor

    static func < (a: AcademicTitle, b: AcademicTitle) -> Bool { a.rawValue < b.rawValue }

    /// The highest title among those before and after the name; Bc., DiS. and MBA are not
    /// used in a salutation. Mgr. and MgA. are addressed as "magistře"/"magistro".
    static func highest(in name: PersonName) -> Form? {
        let titles = ((name.titleBefore ?? "") + " " + (name.titleAfter ?? ""))
            .split(whereSeparator: { $0 == " " || $0 == "," }).map { $0.lowercased() }
        var best: Form?
        for title in titles {
            guard let form = forms[title] else { continue }
            if best == nil || form.rank > best!.rank { best = form }
        }
        return best
    }

    /// A title's vocatives and rank.
    struct Form {
        let rank: AcademicTitle
        let vocativeMale: String
        let vocativeFemale: String
    }

    static let forms: [String: Form] = {
        var forms: [String: Form] = [:]
        for title in ["prof.", "prof"] { forms[title] = Form(rank: .professor, vocativeMale: "profesore", vocativeFemale: "profesorko") }
        for title in ["doc.", "doc"] { forms[title] = Form(rank: .docent, vocativeMale: "docente", vocativeFemale: "docentko") }
        for title in ["mudr.", "mvdr.", "mddr.", "judr.", "phdr.", "rndr.", "paeddr.", "pharmdr.", "thdr.", "rsdr.", "ph.d.", "phd.",
                      "csc.", "drsc.", "dr.", "th.d.", "artd."] {
            forms[title] = Form(rank: .doctor, vocativeMale: "doktore", vocativeFemale: "doktorko")
        }
        for title in ["ing.", "ing"] { forms[title] = Form(rank: .engineerOrMaster, vocativeMale: "inženýre", vocativeFemale: "inženýrko") }
        for title in ["mgr.", "mga."] { forms[title] = Form(rank: .engineerOrMaster, vocativeMale: "magistře", vocativeFemale: "magistro") }
        return forms
    }()
}
