// Messages go out with CRLF line ends whatever an editor did to the file.

import Testing
@testable import Campaigns

@Suite struct LineEndsTests {
    @Test func bareLineEndsBecomeCRLFAndCleanBytesStayAsTheyAre() {
        let clean: [UInt8] = Array("Subject: x\r\n\r\nřádek\r\n.tečka\r\n".utf8)
        #expect(LineEnds.crlf(clean) == clean)
        #expect(LineEnds.crlf(Array("a\nb\rc\r\nd\n".utf8)) == Array("a\r\nb\r\nc\r\nd\r\n".utf8))
        #expect(LineEnds.crlf(Array("konec\r".utf8)) == Array("konec\r\n".utf8))
        #expect(LineEnds.crlf([]) == [])
    }
}
