// Numbers as people type them: `1500`, `1 500`, `1500,5` (Czech) or `1500.5`.

public enum NumberText {
    public static func parse(_ text: String) -> Double? {
        // Spaces group thousands; a lone comma is the Czech decimal point.
        var compact = String(String.UnicodeScalarView(text.unicodeScalars.filter { !Whitespace.contains($0) }))
        guard !compact.isEmpty else { return nil }
        if compact.contains(","), !compact.contains(".") { compact = compact.replacingCharacter(",", with: ".") }
        guard compact.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }),
              let value = Double(compact), value.isFinite else { return nil }
        return value
    }

    /// Whole numbers without a fraction (`50`, not `50.0`); others with the shortest exact digits.
    public static func plain(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

extension String {
    func replacingCharacter(_ old: Character, with new: Character) -> String {
        String(map { $0 == old ? new : $0 })
    }
}
