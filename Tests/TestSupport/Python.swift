// Independent peers for the tests: Python's own email parser, hashlib and so on, run as a
// separate process so that what Kontakt writes is read back by code it does not share.

import Foundation

public enum Python {
    public struct Failure: Error, CustomStringConvertible {
        public let message: String
        public var description: String { "python3 failed: \(message)" }
    }

    /// Runs `python3 -c script` with `input` on standard input; returns standard output.
    public static func run(_ script: String, input: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Standard output is drained on another thread so a large result cannot block the writer.
        let output = OutputCollector(stdout.fileHandleForReading)
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let result = output.wait()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(message: String(decoding: errors, as: UTF8.self)) }
        return result
    }

    /// Runs a script that prints one JSON object of strings.
    public static func strings(_ script: String, input: Data) throws -> [String: String] {
        try JSONSerialization.jsonObject(with: run(script, input: input)) as? [String: String] ?? [:]
    }
}

private final class OutputCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
