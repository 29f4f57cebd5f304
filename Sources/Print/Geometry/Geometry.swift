// Lengths in millimetres, as paper, envelopes and label sheets are specified; cairo's PDF
// surface counts in points (1/72 inch).

/// A length in millimetres.
public typealias Millimetres = Double

enum Points {
    /// Points in `mm` millimetres.
    static func of(_ mm: Millimetres) -> Double { mm * 72 / 25.4 }
}

/// A rectangle on the page, in millimetres from the top-left corner.
public struct Box: Equatable, Sendable {
    public var x: Millimetres
    public var y: Millimetres
    public var width: Millimetres
    public var height: Millimetres

    public init(x: Millimetres, y: Millimetres, width: Millimetres, height: Millimetres) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }

    /// The box shrunk by `inset` on every side.
    public func inset(by inset: Millimetres) -> Box {
        Box(x: x + inset, y: y + inset, width: max(0, width - 2 * inset), height: max(0, height - 2 * inset))
    }
}

/// A sheet of paper or an envelope.
public struct PageSize: Equatable, Sendable {
    public var width: Millimetres
    public var height: Millimetres

    public init(width: Millimetres, height: Millimetres) {
        self.width = width
        self.height = height
    }

    public static let a4 = PageSize(width: 210, height: 297)
}
