// `kontakt user …` and the admin page's users: adding, passwords, disabling, API tokens.

import CRM
import Store

public struct UserSummary: Sendable, Equatable {
    public let login: String
    public let referent: String
    public let role: UserRole
    public let disabled: Bool
    public let createdAt: String
    public let sessions: Int
    public let tokens: Int
}

extension Workspace {
    public struct Accounts: Sendable {
        let workspace: Workspace

        /// Adds a user who logs contacts as `referent`.
        public func add(login: String, referent: String, role: UserRole, password: String, by principal: Principal) throws {
            try Policy.check(.administer, principal)
            try Self.checkLogin(login)
            try PasswordHashing.check(password)
            let hash = PasswordHashing.hash(password)
            try workspace.database.write { db in
                let id = try Users.add(login: login, referent: referent, role: role, passwordHash: hash, db: db)
                try AuditLog.append([AuditEntry(at: Timestamp.now(), actor: principal.auditName, action: "add", entity: "user", entityId: id,
                                                field: "role", newValue: role.rawValue)], db: db)
            }
        }

        /// Sets a new password; the user's sessions end.
        public func setPassword(login: String, password: String, by principal: Principal) throws {
            if case .user(let user) = principal, user.login.lowercased() != login.lowercased() { try Policy.check(.administer, principal) }
            try PasswordHashing.check(password)
            let hash = PasswordHashing.hash(password)
            try workspace.database.write { db in
                try Users.setPassword(login: login, passwordHash: hash, db: db)
                let user = try Users.existing(login: login, db: db)
                try AuditLog.append([AuditEntry(at: Timestamp.now(), actor: principal.auditName, action: "passwd", entity: "user", entityId: user.id)], db: db)
            }
        }

        /// Disables (or enables again) a user: a disabled user cannot log in, its sessions end
        /// and its API tokens are revoked.
        public func setDisabled(_ disabled: Bool, login: String, by principal: Principal) throws {
            try Policy.check(.administer, principal)
            try workspace.database.write { db in
                try Users.setDisabled(disabled, login: login, db: db)
                let user = try Users.existing(login: login, db: db)
                try AuditLog.append([AuditEntry(at: Timestamp.now(), actor: principal.auditName, action: disabled ? "disable" : "enable",
                                                entity: "user", entityId: user.id)], db: db)
            }
        }

        public func setRole(_ role: UserRole, login: String, by principal: Principal) throws {
            try Policy.check(.administer, principal)
            try workspace.database.write { db in
                let before = try Users.existing(login: login, db: db)
                try Users.setRole(role, login: login, db: db)
                try AuditLog.append([AuditEntry(at: Timestamp.now(), actor: principal.auditName, action: "edit", entity: "user", entityId: before.id,
                                                field: "role", oldValue: before.role.rawValue, newValue: role.rawValue)], db: db)
            }
        }

        public func list(by principal: Principal) throws -> [UserSummary] {
            try Policy.check(.administer, principal)
            return try workspace.database.read { db in
                try Users.all(db: db).map { user in
                    UserSummary(login: user.login, referent: user.referent, role: user.role, disabled: user.isDisabled, createdAt: user.createdAt,
                                sessions: try WebSessions.count(userId: user.id, db: db), tokens: try APITokens.count(userId: user.id, db: db))
                }
            }
        }

        /// Makes a bearer token for the JSON API and returns it: this is the only time it is
        /// seen, the database keeps its hash.
        public func issueToken(login: String, by principal: Principal) throws -> String {
            try Policy.check(.administer, principal)
            let token = "kt_" + TokenCrypto.randomToken()
            try workspace.database.write { db in
                let user = try Users.existing(login: login, db: db)
                guard !user.isDisabled else { throw WorkspaceError.conflict("user \(user.login) is disabled; enable it with `kontakt user enable \(user.login)` first") }
                try APITokens.add(tokenHash: TokenCrypto.sha256(token), userId: user.id, db: db)
                try AuditLog.append([AuditEntry(at: Timestamp.now(), actor: principal.auditName, action: "token", entity: "user", entityId: user.id)], db: db)
            }
            return token
        }

        /// Revokes every API token of a user.
        public func revokeTokens(login: String, by principal: Principal) throws {
            try Policy.check(.administer, principal)
            try workspace.database.write { db in
                let user = try Users.existing(login: login, db: db)
                try APITokens.revokeAll(userId: user.id, db: db)
                try AuditLog.append([AuditEntry(at: Timestamp.now(), actor: principal.auditName, action: "revoke-tokens", entity: "user", entityId: user.id)], db: db)
            }
        }

        static func checkLogin(_ login: String) throws {
            let allowed = login.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0" ... "9").contains($0))) || "._-@".unicodeScalars.contains($0) }
            guard !login.isEmpty, login.count <= 64, allowed else {
                throw WorkspaceError.invalid(field: "login", "a login is 1 to 64 letters a–z, digits and . _ - @ (\"\(login)\" is not)")
            }
        }
    }
}
