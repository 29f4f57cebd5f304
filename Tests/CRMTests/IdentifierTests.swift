// IČO, DIČ, PSČ, e-mail and phone rules.

import Testing
@testable import CRM

@Suite struct IdentifierTests {
    // Check digits computed by hand: weights 8…2, c = (11 − sum mod 11) mod 10.
    @Test("valid IČOs are accepted", arguments: ["25596641", "45274649", "00000060", "00000116", "2559 6641"])
    func validICO(_ text: String) throws {
        #expect(try ICO(text).digits == text.filter { $0 != " " })
    }

    @Test func shortICOIsPaddedWithZeros() throws {
        #expect(try ICO("60").digits == "00000060")
    }

    @Test func checkDigitCoversRemaindersZeroAndOne() {
        #expect(ICO.checkDigit(for: [2, 5, 5, 9, 6, 6, 4]) == 1)   // sum 176, remainder 0
        #expect(ICO.checkDigit(for: [0, 0, 0, 0, 0, 0, 6]) == 0)   // sum 12, remainder 1
        #expect(ICO.checkDigit(for: [4, 5, 2, 7, 4, 6, 4]) == 9)   // sum 156, remainder 2
    }

    @Test func wrongCheckDigitNamesTheExpectedOne() {
        #expect(throws: ValidationError(field: "ico", message: "\"25596642\" is not a valid IČO: its check digit is 2 but should be 1")) {
            try ICO("25596642")
        }
    }

    @Test("malformed IČOs are refused", arguments: ["", "123456789", "2559664a", "25-96641"])
    func malformedICO(_ text: String) {
        #expect(throws: ValidationError.self) { try ICO(text) }
    }

    @Test func dicShapes() throws {
        #expect(try DIC("cz 25596641").value == "CZ25596641")
        #expect(try DIC("SK2020317068").value == "SK2020317068")
        #expect(throws: ValidationError.self) { try DIC("CZ123") }
        #expect(throws: ValidationError.self) { try DIC("25596641") }
    }

    @Test func czechZipIsWrittenThreeTwo() throws {
        #expect(try PostalCode.normalize("11000", country: .czechia) == "110 00")
        #expect(try PostalCode.normalize(" 602 00 ", country: .czechia) == "602 00")
        #expect(try PostalCode.normalize("81101", country: Country("Slovensko")) == "811 01")
        #expect(throws: ValidationError.self) { try PostalCode.normalize("1100", country: .czechia) }
        #expect(throws: ValidationError.self) { try PostalCode.normalize("11O00", country: .czechia) }
    }

    @Test func foreignZipIsKeptAsTyped() throws {
        #expect(try PostalCode.normalize("10115", country: Country("Německo")) == "10115")
        #expect(try PostalCode.normalize("sw1a 1aa", country: Country("UK")) == "SW1A 1AA")
    }

    @Test func countriesResolveByNameOrCode() {
        #expect(Country("Německo").code == "DE")
        #expect(Country("germany").code == "DE")
        #expect(Country("at").code == "AT")
        #expect(Country(nil) == .czechia)
        #expect(Country("Česká republika") == .czechia)
        #expect(Country("Atlantida").code == "Atlantida")
        #expect(Country("DE").postalName == "NĚMECKO")
    }

    @Test("good e-mail addresses", arguments: ["jan.novak@firma.cz", "a+b@sub.example.com", "x@xn--hkyrky-ptac70bc.cz", "jan@kavárna.cz",
                                               "o'brien@firma.ie", "ivan@почта.рф"])
    func goodEmail(_ text: String) throws {
        #expect(try EmailAddress(text).value == text)
    }

    @Test("bad e-mail addresses", arguments: ["jan", "jan@", "@firma.cz", "jan@firma", "jan novak@firma.cz", "jan@@firma.cz",
                                              ".jan@firma.cz", "jan..novak@firma.cz", "jan@firma.cz\r\nBcc: x@y.cz", "jan@-firma.cz", "jan@firma.c",
                                              // What the mail layer refuses, the CRM refuses: a non-ASCII local part,
                                              // a zero-width space, a Cyrillic "а" among Latin letters, a domain of digits.
                                              "ä@b.example", "jan@fi\u{200B}rma.cz", "jan@\u{0430}lfa.cz", "jan@alfa.123", "jan@fir_ma.cz"])
    func badEmail(_ text: String) {
        #expect(throws: ValidationError.self) { try EmailAddress(text) }
    }

    @Test func czechPhonesAreNormalised() throws {
        #expect(try PhoneNumber.normalize("602123456") == "+420 602 123 456")
        #expect(try PhoneNumber.normalize("+420602123456") == "+420 602 123 456")
        #expect(try PhoneNumber.normalize("00420 602 123 456") == "+420 602 123 456")
        #expect(try PhoneNumber.normalize("+49 30 1234567") == "+49 30 1234567")
        #expect(throws: ValidationError.self) { try PhoneNumber.normalize("602-ABC") }
        #expect(throws: ValidationError.self) { try PhoneNumber.normalize("123") }
    }
}
