// A small office for the workspace's and the web's tests: two salespeople and an admin, a few
// firms with persons, contacts and tasks, in a database in memory (nothing left on disk), with a
// clock the test sets.

import CRM
import Foundation
import GRDB
import Store
import Synchronization
import Workspace

public final class TestClock: Sendable {
    private let state: Mutex<(date: ContactDate, seconds: Double)>

    public init(_ date: ContactDate = ContactDate(date: CivilDate(year: 2026, month: 12, day: 2)!, minuteOfDay: 9 * 60), seconds: Double = 1_800_000_000) {
        state = Mutex((date, seconds))
    }

    public var now: ContactDate { state.withLock { $0.date } }
    public var seconds: Double { state.withLock { $0.seconds } }
    public func advance(seconds: Double) { state.withLock { $0.seconds += seconds } }
    public func set(_ date: ContactDate) { state.withLock { $0.date = date } }
}

public struct Office: Sendable {
    public let workspace: Workspace
    public let clock: TestClock
    public let skoda: Int64
    public let alfa: Int64
    public let jana: Int64
    public let petr: Int64
    public static let password = "velmi-tajne-heslo"

    public var admin: Principal { .user(SignedInUser(id: 1, login: "admin", role: .admin, referent: "jn")) }
    public var jan: Principal { .user(SignedInUser(id: 2, login: "jan", role: .sales, referent: "jn")) }
    public var marie: Principal { .user(SignedInUser(id: 3, login: "marie", role: .sales, referent: "mk")) }

    public init() throws {
        setenv("KONTAKT_BCRYPT_COST", "4", 1)
        let clock = TestClock()
        let database = try KontaktDatabase(path: ":memory:", create: true)
        var ids: [Int64] = []
        try database.write { db in
            try CodeLists.seedDefaults(db: db)
            try Referents.add(Referent(code: "jn", name: "Jan Novák", email: try EmailAddress("jan@firma.cz")), db: db)
            try Referents.add(Referent(code: "mk", name: "Marie Kovářová"), db: db)
            let schema = try AttributeDefinitions.schema(db: db)
            ids.append(try Firms.insert(Firm(name: "Škoda Auto a.s.", ico: try ICO("00177041"), roles: [.customer],
                                             address: PostalAddress(street: "tř. Václava Klementa 869", city: "Mladá Boleslav", zip: "29301"),
                                             phone: "+420 602 111 222"), schema: schema, db: db))
            ids.append(try Firms.insert(Firm(name: "Alfa spol. s r.o.", roles: [.prospect], address: PostalAddress(city: "Brno")), schema: schema, db: db))
            ids.append(try Persons.insert(Person(firmId: ids[0], name: PersonName(first: "Jana", last: "Nováková"), gender: .female,
                                                 email: try EmailAddress("jana.novakova@skoda.cz"), mobile: "603 222 333"), schema: schema, db: db))
            ids.append(try Persons.insert(Person(firmId: ids[1], name: PersonName(titleBefore: "Ing.", first: "Petr", last: "Dvořák"), gender: .male), schema: schema, db: db))
        }
        workspace = Workspace(database: database, clock: { clock.now }, seconds: { clock.seconds })
        self.clock = clock
        (skoda, alfa, jana, petr) = (ids[0], ids[1], ids[2], ids[3])
        try workspace.accounts.add(login: "admin", referent: "jn", role: .admin, password: Office.password, by: .localOperator)
        try workspace.accounts.add(login: "jan", referent: "jn", role: .sales, password: Office.password, by: .localOperator)
        try workspace.accounts.add(login: "marie", referent: "mk", role: .sales, password: Office.password, by: .localOperator)
    }

    /// Rows of a table, for counting what a use case wrote.
    public func count(_ table: String, _ condition: String = "1") throws -> Int {
        try workspace.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE \(condition)") ?? 0 }
    }

    public func values(_ sql: String) throws -> [String] {
        try workspace.database.read { db in try String.fetchAll(db, sql: sql) }
    }
}
