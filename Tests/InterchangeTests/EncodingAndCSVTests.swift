// Encodings of Czech spreadsheets and the CSV reader.

import Testing
@testable import Interchange

@Suite struct EncodingAndCSVTests {
    // "Žluťoučký kůň" as each code page writes it (bytes from the code page tables).
    static let windows1250: [UInt8] = [0x8E, 0x6C, 0x75, 0x9D, 0x6F, 0x75, 0xE8, 0x6B, 0xFD, 0x20, 0x6B, 0xF9, 0xF2]
    static let latin2: [UInt8] = [0xAE, 0x6C, 0x75, 0xBB, 0x6F, 0x75, 0xE8, 0x6B, 0xFD, 0x20, 0x6B, 0xF9, 0xF2]

    @Test func detectsAndDecodesEachEncoding() throws {
        #expect(TextEncoding.detect(Self.windows1250) == .windows1250)
        #expect(TextEncoding.detect(Self.latin2) == .iso88592)
        #expect(TextEncoding.detect(Array("Žluťoučký kůň".utf8)) == .utf8)
        #expect(String(decoding: try TextEncoding.windows1250.utf8Bytes(from: Self.windows1250), as: UTF8.self) == "Žluťoučký kůň")
        #expect(String(decoding: try TextEncoding.iso88592.utf8Bytes(from: Self.latin2), as: UTF8.self) == "Žluťoučký kůň")
        #expect(try TextEncoding.utf8.utf8Bytes(from: [0xEF, 0xBB, 0xBF, 0x41]) == [0x41])
    }

    @Test func encodingRoundTripsAndRefusesMissingCharacters() throws {
        #expect(try TextEncoding.windows1250.encode("Žluťoučký kůň") == Self.windows1250)
        #expect(throws: InterchangeError.self) { try TextEncoding.windows1250.encode("line one\n😀") }
        #expect(throws: InterchangeError.self) { try TextEncoding.windows1250.utf8Bytes(from: [0x41, 0x0A, 0x81]) }
    }

    @Test func invalidUtf8NamesTheLine() {
        #expect(throws: InterchangeError.encoding("line 2 is not valid UTF-8; if the file comes from Excel on Windows, try --encoding windows-1250")) {
            try TextEncoding.utf8.utf8Bytes(from: Array("a\n".utf8) + [0xE8, 0x0A])
        }
    }

    @Test func quotedFieldsDelimitersAndLineNumbers() throws {
        let text = "name;note\r\n\"Alfa; a.s.\";\"řekl \"\"ano\"\"\"\r\n\r\nBeta;\"two\nlines\"\nGama;\n"
        let records = try CSVReader.records(Array(text.utf8), delimiter: UInt8(ascii: ";"))
        #expect(records.map(\.line) == [1, 2, 4, 6])
        #expect(records[1].fields == ["Alfa; a.s.", "řekl \"ano\""])
        #expect(records[2].fields == ["Beta", "two\nlines"])
        #expect(records[3].fields == ["Gama", ""])
    }

    @Test func unclosedQuoteNamesItsLine() {
        #expect(throws: InterchangeError.encoding("line 2: a quoted field is opened but never closed (the quotes are unbalanced): close it with \", and double each quote inside it")) {
            try CSVReader.records(Array("a,b\n\"x,y\n".utf8), delimiter: UInt8(ascii: ","))
        }
    }

    @Test func sniffsTheDelimiterOfTheHeader() {
        #expect(CSVReader.sniff(Array("name;ico;city\na,b;1;2".utf8)) == UInt8(ascii: ";"))
        #expect(CSVReader.sniff(Array("name,ico\n".utf8)) == UInt8(ascii: ","))
        #expect(CSVReader.sniff(Array("name\tico\n".utf8)) == 0x09)
        #expect(CSVReader.sniff(Array("\"a;b\",c\n".utf8)) == UInt8(ascii: ","))
    }

    @Test func writerQuotesOnlyWhereNeeded() {
        var writer = CSVWriter(delimiter: ";")
        writer.write(["Alfa", "a;b", "řekl \"ano\"", ""])
        #expect(writer.text == "Alfa;\"a;b\";\"řekl \"\"ano\"\"\";\r\n")
    }
}
