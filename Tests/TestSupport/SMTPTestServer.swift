// A real SMTP server for the tests: Tests/TestSupport/smtp_server.py (aiosmtpd) on 127.0.0.1,
// a free port, its own spool folder. It stops when the test lets go of it.

import Foundation

public final class SMTPTestServer: @unchecked Sendable {
    public let port: Int
    public let spool: URL
    private let process: Process
    private let stdin: Pipe

    /// One message the server accepted: the envelope, the reply it gave and the bytes.
    public struct Captured: Sendable {
        public let from: String
        public let to: [String]
        public let reply: String
        public let bytes: Data
    }

    /// - Parameter arguments: options of smtp_server.py (`--tls CERT KEY`, `--auth U:P` …).
    public init(_ arguments: [String] = []) throws {
        spool = FileManager.default.temporaryDirectory.appendingPathComponent("kontakt-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: spool, withIntermediateDirectories: true)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("smtp_server.py").path
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "--spool", spool.path] + arguments
        stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        // The first line is "PORT n" once the server listens; anything else means it did not start.
        var line = Data()
        while let byte = try stdout.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) { line += byte }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5)) else {
            throw Python.Failure(message: "the SMTP test server did not start (is aiosmtpd installed? pip install aiosmtpd): \(text)")
        }
        self.port = port
    }

    deinit { stop() }

    public func stop() {
        guard process.isRunning else { return }
        try? stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: spool)
    }

    /// The messages accepted so far, in the order they arrived.
    public func captured() throws -> [Captured] {
        let names = try FileManager.default.contentsOfDirectory(atPath: spool.path).filter { $0.hasSuffix(".json") }
        return try names.sorted { Int($0.dropLast(5))! < Int($1.dropLast(5))! }.map { name in
            let envelope = try JSONSerialization.jsonObject(with: Data(contentsOf: spool.appendingPathComponent(name))) as! [String: Any]
            return Captured(from: envelope["from"] as! String, to: envelope["to"] as! [String], reply: envelope["reply"] as! String,
                            bytes: try Data(contentsOf: spool.appendingPathComponent(String(name.dropLast(5)) + ".eml")))
        }
    }
}

/// A self-signed certificate for 127.0.0.1 made by openssl, for STARTTLS in the tests.
public struct TestCertificate: Sendable {
    public let certificate: String
    public let key: String

    public init(in folder: URL) throws {
        certificate = folder.appendingPathComponent("cert.pem").path
        key = folder.appendingPathComponent("key.pem").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate,
                             "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Python.Failure(message: "openssl could not make a test certificate") }
    }
}
