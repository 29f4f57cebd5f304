// Preparing the next chunk of work on another core while the current one is consumed: pure
// work (checking an import's rows, rendering a campaign's messages) hides behind the writes
// that must stay on one thread (SQLite's connection, the Outbox files).

import Dispatch

/// Elements are pushed one by one (from a database cursor, say); each full chunk is prepared
/// on a background thread while the previous chunk's results are consumed, in order, on the
/// pushing thread. At most two chunks are held at once, so memory does not grow with the
/// number of elements.
///
///     let pipeline = Pipeline(chunkSize: 512, prepare: { render($0) }, consume: { write($0, $1) })
///     for person in persons { try pipeline.push(person) }
///     try pipeline.finish()
public final class Pipeline<Element: Sendable, Prepared: Sendable> {
    private let chunkSize: Int
    private let prepare: @Sendable (Element) -> Prepared
    private let consume: (Element, Prepared) throws -> Void
    private var filling: [Element] = []
    private var pending: PendingChunk<Element, Prepared>?

    public init(chunkSize: Int = 2_048, prepare: @escaping @Sendable (Element) -> Prepared, consume: @escaping (Element, Prepared) throws -> Void) {
        precondition(chunkSize > 0)
        self.chunkSize = chunkSize
        self.prepare = prepare
        self.consume = consume
        filling.reserveCapacity(chunkSize)
    }

    public func push(_ element: Element) throws {
        filling.append(element)
        if filling.count == chunkSize { try dispatchFilling() }
    }

    /// Prepares and consumes what is left; call it once, after the last push.
    public func finish() throws {
        if !filling.isEmpty { try dispatchFilling() }
        try consumePending()
    }

    private func dispatchFilling() throws {
        let chunk = PendingChunk<Element, Prepared>(elements: filling)
        filling = []
        filling.reserveCapacity(chunkSize)
        let prepare = self.prepare
        DispatchQueue.global().async { chunk.fulfil(chunk.elements.map(prepare)) }
        // The previous chunk is consumed while this one is prepared.
        try consumePending()
        pending = chunk
    }

    private func consumePending() throws {
        guard let chunk = pending else { return }
        pending = nil
        for (element, value) in zip(chunk.elements, chunk.wait()) { try consume(element, value) }
    }

    /// Calls `consume` with every element and its prepared value, in order.
    public static func run(_ elements: [Element], chunkSize: Int = 2_048, prepare: @escaping @Sendable (Element) -> Prepared,
                           consume: (Element, Prepared) throws -> Void) rethrows {
        try withoutActuallyEscaping(consume) { consume in
            // Only `consume` throws: pushing and finishing throw nothing of their own.
            let pipeline = Pipeline(chunkSize: chunkSize, prepare: prepare, consume: consume)
            for element in elements { try pipeline.push(element) }
            try pipeline.finish()
        }
    }
}

/// One chunk's prepared values, handed from the background thread to the consumer. The
/// semaphore orders the write of `values` before the read.
private final class PendingChunk<Element: Sendable, Value: Sendable>: @unchecked Sendable {
    let elements: [Element]
    private let ready = DispatchSemaphore(value: 0)
    private var values: [Value] = []

    init(elements: [Element]) { self.elements = elements }

    func fulfil(_ values: [Value]) {
        self.values = values
        ready.signal()
    }

    func wait() -> [Value] {
        ready.wait()
        return values
    }
}
