// Envelope sizes and where the addresses go on them (ČSN 01 6910 and the Czech Post's rules):
// the sender's block in the top left, ending at most 40 mm below the top edge and at least
// 74 mm short of the right edge; the recipient's 76.2 × 25.4 mm address zone in the lower
// right, 20 mm from the right and bottom edges (so at least 40 mm below the top).

public enum EnvelopeFormat: String, CaseIterable, Sendable {
    /// 220 × 110 mm, for A4 folded in three.
    case dl
    /// 229 × 162 mm, for A4 folded once.
    case c5
    /// 324 × 229 mm, for A4 unfolded.
    case c4

    /// Landscape: the address side as it is printed.
    public var page: PageSize {
        switch self {
        case .dl: return PageSize(width: 220, height: 110)
        case .c5: return PageSize(width: 229, height: 162)
        case .c4: return PageSize(width: 324, height: 229)
        }
    }

    /// The zone the recipient's block is set in.
    public var recipientZone: Box {
        Box(x: page.width - 20 - 76.2, y: page.height - 20 - 25.4, width: 76.2, height: 25.4)
    }

    /// The sender's block: from 10 mm off the top left corner, down to 40 mm from the top, and
    /// to 74 mm short of the right edge.
    public var senderZone: Box {
        Box(x: 10, y: 10, width: page.width - 74 - 10, height: 30)
    }
}
