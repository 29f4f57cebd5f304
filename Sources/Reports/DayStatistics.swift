// Count, mean, median and 90th percentile of a list of day spans.

public struct DayStatistics: Sendable, Equatable {
    public let count: Int
    public let mean: Double?
    /// The middle value; for an even count, the mean of the two middle ones.
    public let median: Double?
    /// Nearest rank: the smallest value with at least 90 % of the values at or below it.
    public let p90: Double?

    public init(_ days: [Int]) {
        let sorted = days.sorted()
        count = sorted.count
        guard !sorted.isEmpty else { mean = nil; median = nil; p90 = nil; return }
        mean = Double(sorted.reduce(0, +)) / Double(sorted.count)
        let middle = sorted.count / 2
        median = sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
        // ceil(0.9 × n) in integers: the rank, counted from 1.
        let rank = (9 * sorted.count + 9) / 10
        p90 = Double(sorted[rank - 1])
    }
}
