// Parts of pages that are the same for every user, rendered once per state of the records: a
// timeline of 25 entries is most of a firm page's Mustache work. A part is kept with the store
// counters it was read at (every change to the records by any process raises them) and
// rendered again when they moved.

import Mustache
import Store
import Synchronization

/// HTML that Kontakt's own templates rendered, with every value escaped there: the one kind of
/// value a template may place unescaped, with {{{…HTML}}}. Anything else stays {{escaped}}.
struct RenderedHTML: MustacheCustomRenderable, Sendable {
    let html: String
    var renderText: String { html }
    var isNull: Bool { html.isEmpty }
}

final class FragmentCache: Sendable {
    private struct Entry {
        let version: StoreVersion
        let html: RenderedHTML
    }

    private let entries = Mutex<[String: Entry]>([:])
    let capacity: Int

    init(capacity: Int = 512) { self.capacity = capacity }

    /// The part kept for `key` at `version`, or `render()`'s, kept. Past the capacity the parts
    /// of older versions go first, then all (a cold cache costs one render a part).
    func fragment(_ key: String, at version: StoreVersion, render: () -> String) -> RenderedHTML {
        if let kept = entries.withLock({ $0[key] }), kept.version == version { return kept.html }
        let html = RenderedHTML(html: render())
        entries.withLock { entries in
            entries[key] = Entry(version: version, html: html)
            if entries.count > capacity {
                entries = entries.filter { $0.value.version == version }
                if entries.count > capacity { entries = [key: Entry(version: version, html: html)] }
            }
        }
        return html
    }
}
