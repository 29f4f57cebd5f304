// What every print command (letters, labels, envelopes) says when there is nothing to print:
// the same sentence and the same exit status (1, bad data) for each.

public enum PrintRunMessages {
    /// "no labels to print: the segment selects no one".
    public static func nobodySelected(_ what: String) -> String {
        "no \(what) to print: the segment selects no one"
    }
}
