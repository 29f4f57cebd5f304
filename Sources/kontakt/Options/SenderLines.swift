// The sender's block of letters and envelopes: `--sender 'Firma s.r.o.|Ulice 1|110 00  PRAHA 1'`,
// else the setting print.sender, in the same form.

import Foundation

enum SenderLines {
    static func parse(_ flag: String?, stored: String?) -> [String] {
        (flag ?? stored ?? "").split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
