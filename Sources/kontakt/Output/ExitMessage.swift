// An error the user can act on, printed as one `error:` sentence with exit status 1.

/// Bad data, a missing file, a failure already explained in a summary: one line, exit 1 (wrong
/// usage is ArgumentParser's `ValidationError`, exit 64 with the usage line).
struct ExitMessage: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
