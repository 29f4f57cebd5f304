// A rendered message carries the moment it was rendered; it goes out with the moment it is sent.

import Mail

enum DateHeader {
    /// `bytes` with its first header line replaced when that line is the `Date:` field (the
    /// message writer puts it first); otherwise unchanged.
    static func refreshed(_ bytes: [UInt8], to date: MailDate) -> [UInt8] {
        let prefix = Array("Date: ".utf8)
        guard bytes.starts(with: prefix), let end = bytes.firstIndex(of: 0x0D), end + 1 < bytes.count, bytes[end + 1] == 0x0A else {
            return bytes
        }
        var result = prefix + Array(date.headerValue.utf8)
        result.reserveCapacity(bytes.count + 8)
        result += bytes[end...]
        return result
    }
}
