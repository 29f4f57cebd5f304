// What a page read, kept until the records or the catalog change: a firm list's page and its
// capped count, a firm's or person's page. Twenty salespeople opening the same lists and the
// same customer before a meeting read the database once between two changes. The key says
// what was asked; the store's counters (raised by triggers in every process, a campaign send
// and an import included) say whether the answer is still current.

import GRDB
import Store
import Synchronization

final class ReadCache: Sendable {
    private struct Entry {
        let version: StoreVersion
        let value: any Sendable
        var lastUse: UInt64
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var uses: UInt64 = 0
    }

    private let state = Mutex(State())
    let capacity: Int

    init(capacity: Int = 256) { self.capacity = capacity }

    /// The value kept for `key` if it was read at `version`; otherwise `read()`'s, kept.
    /// Errors are not kept: the next request reads again.
    func value<T: Sendable>(_ key: String, at version: StoreVersion, read: () throws -> T) throws -> T {
        let kept: T? = state.withLock { state in
            guard var entry = state.entries[key], entry.version == version, let value = entry.value as? T else { return nil }
            state.uses += 1
            entry.lastUse = state.uses
            state.entries[key] = entry
            return value
        }
        if let kept { return kept }
        let value = try read()
        state.withLock { state in
            state.uses += 1
            state.entries[key] = Entry(version: version, value: value, lastUse: state.uses)
            if state.entries.count > capacity { evict(&state, keeping: version) }
        }
        return value
    }

    /// Drops what an older version read, then the least recently used, down to three quarters.
    private func evict(_ state: inout State, keeping version: StoreVersion) {
        state.entries = state.entries.filter { $0.value.version == version }
        let target = capacity * 3 / 4
        guard state.entries.count > target else { return }
        let oldest = state.entries.sorted { $0.value.lastUse < $1.value.lastUse }.prefix(state.entries.count - target)
        for (key, _) in oldest { state.entries[key] = nil }
    }
}
