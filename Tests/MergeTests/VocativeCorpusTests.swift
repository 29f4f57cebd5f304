// The vocative rules against 500-odd real Czech names, each with the forms a grammar source
// accepts (VocativeCorpus.swift): every name must come out as one of them.

import CRM
import Testing
@testable import Merge

@Suite struct VocativeCorpusTests {
    @Test func everyNameOfTheCorpusGetsAnAcceptedVocative() {
        var misses: [String] = []
        for entry in vocativeCorpus {
            let declined = entry.isSurname ? CzechVocative.surname(entry.nominative, gender: entry.gender)
                : CzechVocative.firstName(entry.nominative, gender: entry.gender)
            if !entry.vocative.contains(declined) {
                misses.append("\(entry.nominative) (\(entry.pattern)) → \(declined), accepted: \(entry.vocative.joined(separator: " / ")) [\(entry.source)]")
            }
        }
        #expect(misses.isEmpty, "\(misses.count) misses:\n\(misses.joined(separator: "\n"))")
    }

    @Test func theCorpusCoversEveryPatternWithASource() {
        #expect(vocativeCorpus.count >= 300)
        #expect(vocativeCorpus.allSatisfy { !$0.source.isEmpty && !$0.vocative.isEmpty })
        let patterns = Set(vocativeCorpus.map(\.pattern)).joined(separator: " | ")
        for pattern in ["pán", "hrad", "muž", "stroj", "předseda", "soudce", "mladý", "jarní", "-ek", "-el", "-ec", "foreign", "indeclinable", "žena"] {
            #expect(patterns.contains(pattern), "no name of the pattern \(pattern)")
        }
        // The misses the issue named.
        #expect(CzechVocative.surname("Král", gender: .male) == "Králi")
        #expect(CzechVocative.surname("Purkyně", gender: .male) == "Purkyně")
        #expect(CzechVocative.surname("Osolsobě", gender: .male) == "Osolsobě")
    }
}
