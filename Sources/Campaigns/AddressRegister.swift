// The addresses a rendering has already given a message: of persons sharing an address, the
// first gets the message and the others are skipped.

/// Remembers each address by its hash and the person who holds it, not by its text: 100,000
/// recipients cost a few megabytes rather than one string each. A hash met again is confirmed
/// against the first holder's actual address (`addressOf`), so two addresses that merely share
/// a hash are told apart and kept exactly.
struct AddressRegister {
    private var holderByHash: [Int: Int64] = [:]
    /// Addresses whose hash an earlier, different address already took.
    private var collided: [String: Int64] = [:]
    private let hash: (String) -> Int

    /// - Parameter hash: how an address is hashed; tests force collisions with their own.
    init(hash: @escaping (String) -> Int = { $0.hashValue }) { self.hash = hash }

    /// The person who first registered `address` (already lower-cased), or nil when `person`
    /// is the first and is now registered as its holder.
    mutating func firstHolder(of address: String, person: Int64, addressOf: (Int64) throws -> String?) rethrows -> Int64? {
        if let holder = collided[address] { return holder }
        let hash = self.hash(address)
        guard let holder = holderByHash[hash] else {
            holderByHash[hash] = person
            return nil
        }
        if try addressOf(holder)?.lowercased() == address { return holder }
        collided[address] = person
        return nil
    }
}
