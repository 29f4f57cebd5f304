// How the use cases read: segments checked against the cached vocabulary, and pages read once
// per state of the records.

import CRM
import GRDB
import Segmentation
import Store

extension Workspace {
    /// A segment checked against the catalog as of `db` (kept between requests by CatalogCache).
    func segment(_ choice: SegmentChoice, defaultTarget: EntityKind, today: CivilDate, db: Database) throws -> Segment {
        try choice.segment(defaultTarget: defaultTarget, today: today, vocabulary: catalogCache.catalog(db).vocabulary, db: db)
    }

    /// The rows of `entity` a choice selects (a segment over the other entity selects theirs);
    /// nil selects all.
    func filter(_ choice: SegmentChoice?, selecting entity: EntityKind, today: CivilDate, db: Database) throws -> RowFilter? {
        try choice.map { try segment($0, defaultTarget: entity, today: today, db: db).filter(selecting: entity) }
    }

    /// `read`'s answer for `key`, read once per state of the records and the catalog: kept in
    /// ReadCache with the store's counters, read again when they moved. `read` gets the
    /// counters it was read at.
    func keptRead<T: Sendable>(_ key: String, _ read: (Database, StoreVersion) throws -> T) throws -> T {
        try database.read { db in
            let version = try DataVersion.current(db: db)
            return try readCache.value(key, at: version) { try read(db, version) }
        }
    }
}
