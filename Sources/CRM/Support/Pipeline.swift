// Preparing the next chunk of work on the other cores while the current one is consumed: pure
// work (checking an import's rows, rendering a campaign's messages) hides behind the writes
// that must stay on one thread (SQLite's connection, the Outbox files).

import Dispatch
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Elements are pushed one by one (from a database cursor, say); each full chunk is prepared
/// in the background, in slices on every core, while the previous chunk's results are
/// consumed, in order, on the pushing thread. The operating system shares the cores between
/// the slices and the consumer, so neither side has to be tuned to the other's cost. At most
/// three chunks are held at once, so memory does not grow with the number of elements.
///
///     let pipeline = Pipeline(chunkSize: 512, prepare: { render($0) }, consume: { write($0, $1) })
///     for person in persons { try pipeline.push(person) }
///     try pipeline.finish()
public final class Pipeline<Element: Sendable, Prepared: Sendable> {
    private let chunkSize: Int
    private let prepare: @Sendable (Element) -> Prepared
    private let consume: (Element, Prepared) throws -> Void
    private var filling: [Element] = []
    /// Chunks handed out and not yet consumed, oldest first.
    private var pending: [PendingChunk<Element, Prepared>] = []
    /// How many chunks are prepared ahead of the one consumed: with two, the preparing cores
    /// still have work while the consumer reads the next elements.
    private let lookahead = 2

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
        while !pending.isEmpty { try consumeOldest() }
    }

    private func dispatchFilling() throws {
        let chunk = PendingChunk<Element, Prepared>(elements: filling)
        filling = []
        filling.reserveCapacity(chunkSize)
        let prepare = self.prepare
        DispatchQueue.global().async { chunk.fulfil(Self.prepareInSlices(chunk.elements, prepare)) }
        pending.append(chunk)
        // The oldest chunk is consumed while the later ones are prepared.
        while pending.count > lookahead { try consumeOldest() }
    }

    private func consumeOldest() throws {
        let chunk = pending.removeFirst()
        for (element, value) in zip(chunk.elements, chunk.wait()) { try consume(element, value) }
    }

    /// Cores to share a chunk between: the slices are coarse (one per core) so that the cost of
    /// handing work out stays far below the work itself.
    private static var cores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    private static func prepareInSlices(_ elements: [Element], _ prepare: @Sendable (Element) -> Prepared) -> [Prepared] {
        let parts = min(cores, elements.count)
        guard parts > 1 else { return elements.map(prepare) }
        let slices = SlicedResults<Prepared>(parts: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let range = (elements.count * part / parts)..<(elements.count * (part + 1) / parts)
            slices.store(elements[range].map(prepare), part: part)
        }
        return slices.joined()
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

/// The slices of one chunk, each written by one `concurrentPerform` iteration and read after
/// all of them have returned (which orders the writes before the reads).
/// Each iteration owns one slot of a buffer allocated up front, so no two threads touch the
/// same memory.
private final class SlicedResults<Value: Sendable>: @unchecked Sendable {
    private let parts: UnsafeMutableBufferPointer<[Value]>

    init(parts count: Int) {
        parts = .allocate(capacity: count)
        parts.initialize(repeating: [])
    }

    deinit {
        parts.deinitialize()
        parts.deallocate()
    }

    func store(_ values: [Value], part: Int) { parts[part] = values }

    func joined() -> [Value] { Array(parts.joined()) }
}
