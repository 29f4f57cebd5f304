// `kontakt user add|passwd|disable|enable|role|list|token|revoke-tokens`: who may log in to the
// web workspace (`kontakt serve`), as which referent and role.

import ArgumentParser
import CRM
import Workspace

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage the users of the web workspace (kontakt serve) and their API tokens.",
        discussion: "A user logs in with a login and a password (bcrypt-hashed; at least 10 characters) and logs contacts as its referent. Role sales reads everything and changes its own contacts and tasks; admin may change anything and manages users, referents, code lists and attributes.",
        subcommands: [Add.self, Passwd.self, Disable.self, Enable.self, Role.self, List.self, Token.self, RevokeTokens.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a user (asks for the password unless --password-file is given).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The login: letters a–z, digits and . _ - @.") var login: String
        @Option(help: "The referent the user logs contacts as.") var referent: String
        @Option(help: "admin or sales.") var role: String
        @Option(help: "A file holding the password.") var passwordFile: String?

        func validate() throws { _ = try UserCommand.role(role) }

        func run() throws {
            let role = try UserCommand.role(role)
            let workspace = try global.workspace()
            let password = try SecretInput.newPassword(for: login, file: passwordFile)
            try workspace.accounts.add(login: login, referent: referent, role: role, password: password, by: .localOperator)
            print("Added user \(login) (\(role.rawValue), referent \(referent)).")
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "passwd", abstract: "Set a user's password; the user's sessions end.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The login.") var login: String
        @Option(help: "A file holding the password.") var passwordFile: String?

        func run() throws {
            let workspace = try global.workspace()
            let password = try SecretInput.newPassword(for: login, file: passwordFile)
            try workspace.accounts.setPassword(login: login, password: password, by: .localOperator)
            print("Changed the password of \(login); its sessions have ended.")
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "disable", abstract: "Stop a user from logging in; its sessions end and its API tokens are revoked.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The login.") var login: String

        func run() throws {
            try global.workspace().accounts.setDisabled(true, login: login, by: .localOperator)
            print("Disabled user \(login).")
        }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "enable", abstract: "Let a disabled user log in again.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The login.") var login: String

        func run() throws {
            try global.workspace().accounts.setDisabled(false, login: login, by: .localOperator)
            print("Enabled user \(login).")
        }
    }

    struct Role: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "role", abstract: "Change a user's role.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The login.") var login: String
        @Argument(help: "admin or sales.") var role: String

        func validate() throws { _ = try UserCommand.role(role) }

        func run() throws {
            let role = try UserCommand.role(role)
            try global.workspace().accounts.setRole(role, login: login, by: .localOperator)
            print("User \(login) is now \(role.rawValue).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the users.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: JSONOption

        func run() throws {
            let users = try global.workspace().accounts.list(by: .localOperator)
            let buffer = OutputBuffer()
            if output.json {
                let json = JSONWriter(output: buffer)
                json.array {
                    for user in users {
                        json.object {
                            json.field("login", user.login); json.field("referent", user.referent); json.field("role", user.role.rawValue)
                            json.field("disabled", user.disabled); json.field("createdAt", user.createdAt)
                            json.field("sessions", Int64(user.sessions)); json.field("tokens", Int64(user.tokens))
                        }
                    }
                }
                json.newline()
            } else {
                var table = TextTable("login", "referent", "role", "state", "sessions", "tokens", "since")
                for user in users {
                    table.add(cells: [user.login, user.referent, user.role.rawValue, user.disabled ? "disabled" : "active",
                                      String(user.sessions), String(user.tokens), user.createdAt])
                }
                buffer.append(users.isEmpty ? "No users yet; add one with `kontakt user add LOGIN --referent CODE --role admin`.\n" : table.render() + "\n")
            }
        }
    }

    struct Token: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "token", abstract: "Make a bearer token for the JSON API and print it (once: only its hash is kept).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The login whose rights the token carries.") var login: String

        func run() throws {
            print(try global.workspace().accounts.issueToken(login: login, by: .localOperator))
        }
    }

    struct RevokeTokens: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke-tokens", abstract: "Revoke every API token of a user.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The login.") var login: String

        func run() throws {
            try global.workspace().accounts.revokeTokens(login: login, by: .localOperator)
            print("Revoked the API tokens of \(login).")
        }
    }

    static func role(_ text: String) throws -> UserRole {
        guard let role = UserRole(rawValue: text.lowercased()) else {
            throw ArgumentParser.ValidationError("--role is admin or sales, not \"\(text)\"")
        }
        return role
    }
}
