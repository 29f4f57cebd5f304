// The use cases both front ends call. A front end parses its input, calls one method of one
// group, and presents the result; checks of who may do it, the transaction and the audit entry
// are all in here, so `kontakt contact add` and the firm page's form say and enforce the same.

import CRM
import Logging
import Store
import Synchronization

/// One database and one clock, and the groups of use cases over them.
///
///     let workspace = Workspace(database: try KontaktDatabase(path: "kontakt.sqlite"))
///     let logged = try workspace.contacts.log(LogContact(personId: 7, fields: input), by: .localOperator)
public final class Workspace: Sendable {
    public let database: KontaktDatabase
    /// The local wall-clock time: contacts logged without a date, "today" in segments and tasks.
    public let clock: @Sendable () -> ContactDate
    /// Seconds since 1970: session expiry and throttling.
    public let seconds: @Sendable () -> Double
    let logger: Logger
    /// The CSRF key, read once: every page puts a token in its forms, and a page is a read.
    let csrfKey = Mutex<[UInt8]?>(nil)
    let catalogCache = CatalogCache()
    let readCache = ReadCache()

    public init(database: KontaktDatabase, clock: @escaping @Sendable () -> ContactDate = LocalClock.now,
                seconds: @escaping @Sendable () -> Double = LocalClock.seconds, logger: Logger = Logger(label: "kontakt.workspace")) {
        self.database = database
        self.clock = clock
        self.seconds = seconds
        self.logger = logger
    }

    public var accounts: Accounts { Accounts(workspace: self) }
    public var signIn: SignIn { SignIn(workspace: self) }
    public var contacts: ContactLog { ContactLog(workspace: self) }
    public var tasks: TaskList { TaskList(workspace: self) }
    public var firms: FirmDirectory { FirmDirectory(workspace: self) }
    public var people: PersonDirectory { PersonDirectory(workspace: self) }
    public var search: SearchBox { SearchBox(workspace: self) }
}
