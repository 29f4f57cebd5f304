// One envelope per address block, each its own page of the envelope's size.

/// What a run of envelopes produced.
public struct EnvelopeReport: Sendable, Equatable {
    public var envelopes = 0
    /// Envelopes (1-based) whose recipient block was set smaller or cut to fit its zone.
    public var shrunk: [Int] = []
    public var truncated: [Int] = []
}

public enum EnvelopePrinter {
    public static func print<Blocks: Sequence>(_ blocks: Blocks, sender: [String], format: EnvelopeFormat, to path: String) throws -> EnvelopeReport
    where Blocks.Element == [String] {
        let document = try PDFDocument(path: path, pageSize: format.page)
        var report = EnvelopeReport()
        let recipientStyle = TextStyle(size: 11)
        for block in blocks {
            document.newPage()
            report.envelopes += 1
            if !sender.isEmpty { document.draw(lines: sender, in: format.senderZone, style: TextStyle(size: 8), minimumSize: 6) }
            let fit = document.draw(lines: block, in: format.recipientZone, style: recipientStyle, minimumSize: 7)
            if fit.truncated { report.truncated.append(report.envelopes) } else if fit.size < recipientStyle.size { report.shrunk.append(report.envelopes) }
        }
        try document.finish()
        return report
    }
}
