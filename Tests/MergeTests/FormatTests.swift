// Czech dates, numbers and money.

import CRM
import Testing
@testable import Merge

@Suite struct FormatTests {
    let nbsp = "\u{A0}"

    @Test func datesWithMonthsInTheGenitive() {
        #expect(CzechFormat.longDate(CivilDate(year: 2026, month: 11, day: 29)!) == "29.\(nbsp)listopadu 2026")
        #expect(CzechFormat.longDate(CivilDate(year: 2027, month: 1, day: 1)!) == "1.\(nbsp)ledna 2027")
        #expect(CzechFormat.longDate(CivilDate(year: 2026, month: 7, day: 4)!) == "4.\(nbsp)července 2026")
        #expect(CzechFormat.shortDate(CivilDate(year: 2026, month: 2, day: 3)!) == "3.\(nbsp)2.\(nbsp)2026")
    }

    @Test func numbersGroupThousandsAndUseADecimalComma() {
        #expect(CzechFormat.number(1234.5) == "1\(nbsp)234,5")
        #expect(CzechFormat.number(1_234_567) == "1\(nbsp)234\(nbsp)567")
        #expect(CzechFormat.number(999) == "999")
        #expect(CzechFormat.number(0.125, maximumFractionDigits: 2) == "0,13")
        #expect(CzechFormat.number(-2500.75) == "−2\(nbsp)500,75")
        #expect(CzechFormat.number(-0.001, maximumFractionDigits: 2) == "0")
    }

    @Test func moneyHasTwoDecimalsAndTheCurrency() {
        #expect(CzechFormat.money(1234.5) == "1\(nbsp)234,50\(nbsp)Kč")
        #expect(CzechFormat.money(0) == "0,00\(nbsp)Kč")
        #expect(CzechFormat.money(19.999) == "20,00\(nbsp)Kč")
        #expect(CzechFormat.money(1500, currency: "EUR") == "1\(nbsp)500,00\(nbsp)EUR")
    }
}
