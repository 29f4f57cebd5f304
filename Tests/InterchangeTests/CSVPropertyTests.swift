// 20,000 generated CSV files, well-formed and broken, in every encoding: each gives records or
// an InterchangeError that names a line of the file — never a crash, never a hang.

import CRM
import Foundation
import Testing
@testable import Interchange

@Suite struct CSVPropertyTests {
    static let cells = ["Novák", "\"Dvořák\"", "\"a;b\"", "\"řádek\nzlom\"", "\"uvozovky \"\"x\"\"\"", "\"neuzavřená", "x\"y", "\"a\"b",
                        "", " ", "25596641", "jan@alfa.cz", "=HYPERLINK(1)", "'=1", "\u{0}", "\u{1B}[31m", "\r", "😀", "Žluťoučký", "\t"]

    @Test func generatedFilesReadOrAreRefusedWithTheirLine() throws {
        var random = SeededRandom(seed: 20261201)
        var read = 0, refused = 0
        var slowest = 0.0
        for _ in 0..<20_000 {
            let delimiter = random.pick([";", ",", "\t"])
            let rows = (0..<random.number(1...8)).map { _ in
                (0..<random.number(1...5)).map { _ in random.pick(CSVPropertyTests.cells) }.joined(separator: delimiter)
            }
            let text = rows.joined(separator: random.pick(["\n", "\r\n"])) + (random.chance(50) ? "\n" : "")
            var bytes: [UInt8]
            switch random.below(5) {
            case 0: bytes = (try? TextEncoding.windows1250.encode(text)) ?? Array(text.utf8)
            case 1: bytes = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            case 2: bytes = Array(text.utf8) + [0x9A, 0xE8, 0x0A]
            case 3: bytes = (0..<random.below(60)).map { _ in UInt8(random.below(256)) }
            default: bytes = Array(text.utf8)
            }
            let lines = bytes.filter { $0 == 0x0A }.count + 1
            let started = Date()
            do {
                let encoding = TextEncoding.detect(bytes)
                let utf8 = try encoding.utf8Bytes(from: bytes)
                let records = try CSVReader.records(utf8, delimiter: CSVReader.sniff(utf8))
                #expect(records.allSatisfy { $0.line >= 1 && $0.line <= lines })
                read += 1
            } catch let error as InterchangeError {
                refused += 1
                let text = "\(error)"
                if let range = text.firstRange(of: "line "), let number = Int(text[range.upperBound...].prefix { $0.isNumber }) {
                    #expect(number >= 1 && number <= lines + 1, "\(text)")
                }
            } catch {
                Issue.record("not an InterchangeError: \(error)")
            }
            slowest = max(slowest, Date().timeIntervalSince(started))
        }
        #expect(read > 2_000 && refused > 2_000, "read \(read), refused \(refused)")
        #expect(slowest < 2, "a file took \(slowest) s")
    }
}
