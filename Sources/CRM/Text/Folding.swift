// Case- and diacritics-insensitive folding, for matching what users type against stored values.

import Foundation

public enum Folding {
    /// `"Strojírenství "` → `"strojirenstvi"`: lower case, no diacritics, trimmed.
    public static func fold(_ text: String) -> String {
        text.trimmingSpaces.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
