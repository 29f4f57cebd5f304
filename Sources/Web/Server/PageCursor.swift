// Where a page of a list ends, as its URL carries it: `KEY~ID` — the last row's sort key (or
// date) and id. One format for the firm list's `after` and the timeline's `before`, in the
// pages and the API alike.

import Store

enum PageCursor {
    static func text(_ position: ListPosition) -> String { "\(position.sortKey)~\(position.id)" }
    static func text(_ position: ContactPosition) -> String { "\(position.date)~\(position.id)" }

    static func listPosition(_ text: String) -> ListPosition? {
        parts(text).map { ListPosition(sortKey: $0.key, id: $0.id) }
    }

    static func contactPosition(_ text: String) -> ContactPosition? {
        parts(text).map { ContactPosition(date: $0.key, id: $0.id) }
    }

    private static func parts(_ text: String) -> (key: String, id: Int64)? {
        guard let separator = text.lastIndex(of: "~"), let id = Int64(text[text.index(after: separator)...]) else { return nil }
        return (String(text[..<separator]), id)
    }
}
