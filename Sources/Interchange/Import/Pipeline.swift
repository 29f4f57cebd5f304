// Preparing the next chunk of rows on another core while the current one is written: the
// import's checks (pure work) hide behind SQLite's inserts (one connection, one thread).

import Dispatch

enum Pipeline {
    /// Calls `consume` with every element and its prepared value, in order. `prepare` runs
    /// a chunk ahead on a background thread, so at most two chunks are held at once.
    static func run<Element: Sendable, Prepared: Sendable>(
        _ elements: [Element], chunkSize: Int = 2_048,
        prepare: @escaping @Sendable (Element) -> Prepared,
        consume: (Element, Prepared) throws -> Void
    ) rethrows {
        let chunks = stride(from: 0, to: elements.count, by: chunkSize).map { $0 ..< min($0 + chunkSize, elements.count) }
        guard let first = chunks.first else { return }
        func start(_ range: Range<Int>) -> PendingChunk<Prepared> {
            let pending = PendingChunk<Prepared>()
            let slice = Array(elements[range])
            DispatchQueue.global().async { pending.fulfil(slice.map(prepare)) }
            return pending
        }
        var pending = start(first)
        for (index, range) in chunks.enumerated() {
            let prepared = pending.wait()
            if index + 1 < chunks.count { pending = start(chunks[index + 1]) }
            for (element, value) in zip(elements[range], prepared) { try consume(element, value) }
        }
    }
}

/// One chunk's prepared values, handed from the background thread to the consumer. The
/// semaphore orders the write of `values` before the read.
private final class PendingChunk<Value: Sendable>: @unchecked Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private var values: [Value] = []

    func fulfil(_ values: [Value]) {
        self.values = values
        ready.signal()
    }

    func wait() -> [Value] {
        ready.wait()
        return values
    }
}
