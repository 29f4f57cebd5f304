// Who is acting: the operator at the command line (every right, as the file's owner) or a
// user signed in to the workspace. (Not `Actor`: that would shadow Swift's protocol.)

import CRM

/// A signed-in user as a request knows it.
public struct SignedInUser: Sendable, Equatable {
    public let id: Int64
    public let login: String
    public let role: UserRole
    /// The referent this user logs contacts as.
    public let referent: String

    public init(id: Int64, login: String, role: UserRole, referent: String) {
        self.id = id; self.login = login; self.role = role; self.referent = referent
    }
}

public enum Principal: Sendable, Equatable {
    case localOperator
    case user(SignedInUser)

    public var isAdmin: Bool {
        switch self {
        case .localOperator: return true
        case .user(let user): return user.role == .admin
        }
    }

    /// The referent a contact is logged as when none is named; the CLI always names one.
    public var referent: String? {
        if case .user(let user) = self { return user.referent }
        return nil
    }

    /// How the audit log names the actor: `cli` or `web:LOGIN`.
    public var auditName: String {
        switch self {
        case .localOperator: return "cli"
        case .user(let user): return "web:" + user.login
        }
    }
}
