// Secrets the operator gives: read from a file (trailing newline dropped) or typed at a prompt
// that does not echo. Never from an option's value, which `ps` and the shell history would show.

import Foundation
#if canImport(Glibc)
import Glibc
#endif

enum SecretInput {
    static func read(file path: String, what: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw ExitMessage("cannot read the \(what) file \(path)") }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Asks twice on the terminal, echo off; refuses when standard input is not a terminal.
    static func newPassword(for login: String, file: String?) throws -> String {
        if let file { return try read(file: file, what: "password") }
        guard isatty(STDIN_FILENO) == 1 else {
            throw ExitMessage("no terminal to ask for \(login)'s password on; give it with --password-file FILE")
        }
        let first = try prompt("Password for \(login): ")
        let second = try prompt("Again: ")
        guard first == second else { throw ExitMessage("the two passwords differ; nothing was changed") }
        return first
    }

    private static func prompt(_ text: String) throws -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else { throw ExitMessage("no password was typed; nothing was changed") }
        return line
    }
}
