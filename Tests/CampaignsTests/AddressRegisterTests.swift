// The register of addresses already given a message, including addresses whose hashes collide.

import Testing
@testable import Campaigns

@Suite struct AddressRegisterTests {
    @Test func theFirstHolderOfAnAddressIsNamedForEveryLaterOne() {
        var register = AddressRegister()
        let addresses: [Int64: String] = [1: "eva@firma.cz", 2: "jan@firma.cz", 3: "eva@firma.cz", 4: "eva@firma.cz"]
        let lookup: (Int64) -> String? = { addresses[$0] }
        #expect(register.firstHolder(of: "eva@firma.cz", person: 1, addressOf: lookup) == nil)
        #expect(register.firstHolder(of: "jan@firma.cz", person: 2, addressOf: lookup) == nil)
        #expect(register.firstHolder(of: "eva@firma.cz", person: 3, addressOf: lookup) == 1)
        #expect(register.firstHolder(of: "eva@firma.cz", person: 4, addressOf: lookup) == 1)
    }

    @Test func addressesThatShareAHashAreStillToldApart() {
        // Every address hashes alike: only the confirmation against the holder's address can
        // tell them apart.
        var register = AddressRegister(hash: { _ in 7 })
        let addresses: [Int64: String] = [1: "A@firma.cz", 2: "b@firma.cz", 3: "c@firma.cz", 4: "b@firma.cz", 5: "a@firma.cz", 6: "c@firma.cz"]
        let lookup: (Int64) -> String? = { addresses[$0] }
        let holders = (1...6).map { register.firstHolder(of: addresses[Int64($0)]!.lowercased(), person: Int64($0), addressOf: lookup) }
        #expect(holders == [nil, nil, nil, 2, 1, 3])
    }
}
