// "Did you mean …?": the closest of the allowed names to what the user typed.

public enum NearestMatch {
    /// The candidate with the smallest edit distance to `input` (compared folded), when it is
    /// close enough to be a plausible typo: at most a third of the longer word's length.
    public static func nearest(to input: String, among candidates: [String]) -> String? {
        let target = Array(Folding.fold(input))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let folded = Array(Folding.fold(candidate))
            let distance = editDistance(target, folded)
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let limit = max(2, max(target.count, Folding.fold(best.candidate).count) / 3)
        return best.distance <= limit ? best.candidate : nil
    }

    /// Levenshtein distance with one rolling row.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// "; did you mean \"x\"?" or nothing: appended to error sentences.
    public static func hint(for input: String, among candidates: [String]) -> String {
        nearest(to: input, among: candidates).map { " (did you mean \"\($0)\"?)" } ?? ""
    }
}
