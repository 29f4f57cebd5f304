// The attribute schema, the segment vocabulary and the referents, kept between requests: every
// page checks and shows with them, and loading them costs more than the page's own query. A
// counter the database's triggers raise (catalog_version) says when they changed, in this
// process or any other.

import CRM
import GRDB
import Segmentation
import Store
import Synchronization

struct CatalogSnapshot: Sendable {
    let version: Int64
    let schema: AttributeSchema
    let vocabulary: Vocabulary
    let referents: [Referent]
    /// The columns a firm list may show, in their order.
    let firmColumns: [FirmColumn]

    var contactReferences: ContactReferences { ContactReferences(codeBook: schema.codeBook, referents: referents) }
}

final class CatalogCache: Sendable {
    private let current = Mutex<CatalogSnapshot?>(nil)

    /// The catalog as of `db`'s snapshot: one indexed read when nothing changed.
    func catalog(_ db: Database) throws -> CatalogSnapshot {
        let version = try AttributeDefinitions.catalogVersion(db: db)
        if let cached = current.withLock({ $0 }), cached.version == version { return cached }
        let schema = try AttributeDefinitions.schema(db: db)
        let referents = try Referents.all(db: db)
        let catalog = CatalogSnapshot(version: version, schema: schema, vocabulary: Vocabulary(schema: schema, referents: referents.map(\.code)),
                                      referents: referents, firmColumns: FirmColumn.all(schema: schema))
        current.withLock { $0 = catalog }
        return catalog
    }
}
