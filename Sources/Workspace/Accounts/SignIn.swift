// Logging in and staying logged in: passwords checked against bcrypt hashes, sessions kept in
// the database (so a restart logs nobody out), CSRF tokens bound to the session, bearer tokens
// for the API.

import CRM
import Store

/// How long a session lasts: idle for at most `idle` seconds, and at most `absolute` in all.
public struct SessionPolicy: Sendable {
    public var idle: Double = 8 * 3600
    public var absolute: Double = 7 * 24 * 3600
    /// A session's last-seen time is written at most this often: a write per page view would
    /// make every read a write.
    public var touchInterval: Double = 60
    public init() {}
}

/// A new session: the cookie's value (shown once, never stored) and its user.
public struct StartedSession: Sendable {
    public let token: String
    public let user: SignedInUser
}

extension Workspace {
    public struct SignIn: Sendable {
        let workspace: Workspace

        /// Checks a login and password and starts a session. A wrong password, an unknown
        /// login and a disabled user get the same sentence and take the same time.
        public func logIn(login: String, password: String, policy: SessionPolicy = SessionPolicy()) throws -> StartedSession {
            let account = try workspace.database.read { db in try Users.fetch(login: login, db: db) }
            let matches = PasswordHashing.verify(password, hash: account?.passwordHash ?? PasswordHashing.decoy)
            guard let account, matches, !account.isDisabled else {
                throw WorkspaceError.unauthenticated("the login or the password is wrong")
            }
            let token = TokenCrypto.randomToken()
            let now = workspace.seconds()
            try workspace.database.write { db in
                try WebSessions.create(tokenHash: TokenCrypto.sha256(token), userId: account.id, now: now, db: db)
                // Sweeping here keeps the table small without a timer.
                try WebSessions.removeExpired(idleBefore: now - policy.idle, createdBefore: now - policy.absolute, db: db)
            }
            return StartedSession(token: token, user: Self.signedIn(account))
        }

        /// The user of a session cookie, or nil when it is unknown, expired or its user disabled.
        public func user(session token: String, policy: SessionPolicy = SessionPolicy()) throws -> SignedInUser? {
            guard !token.isEmpty, token.utf8.count <= 128 else { return nil }
            let hash = TokenCrypto.sha256(token)
            let now = workspace.seconds()
            let found = try workspace.database.read { db -> (WebSessionRecord, UserAccount)? in
                guard let session = try WebSessions.fetch(tokenHash: hash, db: db), let user = try Users.fetch(id: session.userId, db: db) else { return nil }
                return (session, user)
            }
            guard let (session, account) = found else { return nil }
            if account.isDisabled || now - session.lastSeenAt > policy.idle || now - session.createdAt > policy.absolute {
                try workspace.database.write { db in try WebSessions.end(tokenHash: hash, db: db) }
                return nil
            }
            if now - session.lastSeenAt > policy.touchInterval {
                try workspace.database.write { db in try WebSessions.touch(tokenHash: hash, now: now, db: db) }
            }
            return Self.signedIn(account)
        }

        /// Ends a session (logging out): the cookie is worthless from now on.
        public func logOut(session token: String) throws {
            try workspace.database.write { db in try WebSessions.end(tokenHash: TokenCrypto.sha256(token), db: db) }
        }

        /// The user of an API bearer token, or nil.
        public func user(apiToken token: String) throws -> SignedInUser? {
            guard token.hasPrefix("kt_"), token.utf8.count <= 128 else { return nil }
            return try workspace.database.read { db in
                guard let id = try APITokens.userId(tokenHash: TokenCrypto.sha256(token), db: db), let account = try Users.fetch(id: id, db: db),
                      !account.isDisabled else { return nil }
                return Self.signedIn(account)
            }
        }

        /// The CSRF token of a session: an HMAC of the session's cookie under a key of the
        /// database, so it needs no storage, differs per session and cannot be made without the
        /// cookie. `subject` separates pre-login forms (their own random cookie) from the rest.
        public func csrfToken(for sessionToken: String) throws -> String {
            let key = try csrfKey()
            return Base64URL.encode(Array(TokenCrypto.hmac("kontakt-csrf:v1:" + sessionToken, key: key).prefix(24)))
        }

        /// Whether a form's CSRF token belongs to the session.
        public func verifyCSRF(_ token: String, for sessionToken: String) throws -> Bool {
            TokenCrypto.same(token, try csrfToken(for: sessionToken))
        }

        private func csrfKey() throws -> [UInt8] {
            if let key = workspace.csrfKey.withLock({ $0 }) { return key }
            let key = try workspace.database.read { db in try Secrets.existingKey(named: "web-csrf", db: db) }
                ?? workspace.database.write { db in try Secrets.key(named: "web-csrf", db: db) }
            workspace.csrfKey.withLock { $0 = key }
            return key
        }

        static func signedIn(_ account: UserAccount) -> SignedInUser {
            SignedInUser(id: account.id, login: account.login, role: account.role, referent: account.referent)
        }
    }
}

extension Workspace {
    /// A fresh random token for a cookie that is not a session (the login form's CSRF cookie).
    public static func randomToken() -> String { TokenCrypto.randomToken() }
}
