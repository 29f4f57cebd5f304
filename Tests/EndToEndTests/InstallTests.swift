// `make install` as a user meets it: scripts/install puts the built binary, its label presets,
// templates, manual page and completions under a temporary PREFIX, and the installed kontakt
// runs from a folder outside the source tree, finding everything it ships.

import Foundation
import Testing

@Suite struct InstallTests {
    static let sourceTree = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs scripts/install with `arguments`; returns its output, expecting success.
    static func install(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = sourceTree.appendingPathComponent("scripts/install")
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, "scripts/install \(arguments.joined(separator: " ")): \(text)")
        return text
    }

    static func files(under folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var files: [String] = []
        while let file = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path, isDirectory: &isFolder), !isFolder.boolValue { files.append(file) }
        }
        return files.sorted()
    }

    @Test func anInstalledKontaktRunsFromAnyFolderWithWhatItShips() throws {
        let s = try Session()
        let prefix = s.folder.appendingPathComponent("prefix")
        let output = try Self.install(["--binary", Session.binaryFolder.appendingPathComponent("kontakt").path, "--prefix", prefix.path])
        #expect(output.contains("Installed kontakt 0.14.0"))
        let installed = Self.files(under: prefix)
        for file in ["bin/kontakt", "share/kontakt/labels/3x8-70x37.yaml", "share/kontakt/templates/newsletter.md", "share/kontakt/templates/dopis.md",
                     "share/man/man1/kontakt.1", "share/bash-completion/completions/kontakt", "share/zsh/site-functions/_kontakt",
                     "share/fish/vendor_completions.d/kontakt.fish"] {
            #expect(installed.contains(file), "\(file) not installed: \(installed)")
        }
        s.binaries = prefix.appendingPathComponent("bin")
        #expect(try s.ok("--version").trimmingCharacters(in: .whitespacesAndNewlines) == "0.14.0")

        // The manual page names every command family; the bash completion is valid bash.
        let manual = try String(contentsOf: prefix.appendingPathComponent("share/man/man1/kontakt.1"), encoding: .utf8)
        #expect(manual.hasPrefix(".TH KONTAKT 1"))
        for family in ["init", "firm", "person", "contact", "segment", "campaign", "labels", "letters", "envelopes", "report", "import", "export"] {
            #expect(manual.contains(".SS kontakt \(family)"), "\(family) missing from the manual page")
        }
        #expect(manual.contains("--list-sheets"))
        let bash = Process()
        bash.executableURL = URL(fileURLWithPath: "/bin/bash")
        bash.arguments = ["-n", prefix.appendingPathComponent("share/bash-completion/completions/kontakt").path]
        try bash.run()
        bash.waitUntilExit()
        #expect(bash.terminationStatus == 0)

        // Sheets by product code from the installed presets, outside the source tree.
        let listed = try s.ok("labels", "--list-sheets", "l7160")
        #expect(listed.contains("3x7-63.5x38.1") && listed.contains(prefix.appendingPathComponent("share/kontakt/labels").path))
        try s.ok("init")
        try s.ok("codelist", "add", "territory", "--label", "Oblast")
        try s.ok("codelist", "value", "add", "territory", "morava", "--label", "Morava")
        try s.ok("attr", "define", "territory", "--on", "firm", "--type", "text", "--codelist", "territory")
        try s.ok("firm", "add", "Alfa s.r.o.", "--role", "customer", "--street", "Dlouhá 12", "--city", "Praha 1", "--zip", "11000", "--set", "territory=Morava")
        try s.ok("firm", "add", "Beta a.s.", "--role", "customer", "--street", "Krátká 3", "--city", "Brno", "--zip", "60200", "--set", "territory=morava")
        try s.ok("person", "add", "--firm", "1", "--first", "Jan", "--last", "Dvořák", "--gender", "m", "--email", "jan@alfa.example")
        try s.ok("person", "add", "--firm", "2", "--first", "Eva", "--last", "Malá", "--gender", "f")
        try s.ok("referent", "add", "novak", "--name", "Jan Novák", "--email", "jan.novak@kontakt.example")
        let labels = try s.ok("labels", "--sheet", "L7160", "--where", "role = customer")
        #expect(labels.contains("Printed 2 label(s) on 1 sheet(s) of Avery L7160"))
        #expect(FileManager.default.fileExists(atPath: s.folder.appendingPathComponent("Outbox/labels-3x7-63.5x38.1.pdf").path))

        // A shipped template by name; an auto campaign's letters get their labels.
        try s.ok("campaign", "create", "novinky", "--template", "dopis", "--where", "role = customer", "--referent", "novak", "--channel", "auto")
        let rendered = try s.ok("campaign", "render", "novinky")
        #expect(rendered.contains("labels.pdf"), "\(rendered)")
        #expect(FileManager.default.fileExists(atPath: s.folder.appendingPathComponent("Outbox/novinky/labels.pdf").path))

        // Without its presets an installed kontakt says where it looked, and renders nothing.
        try FileManager.default.removeItem(at: prefix.appendingPathComponent("share/kontakt/labels"))
        let missing = try s.run("labels", "--sheet", "L7160", "--where", "role = customer")
        #expect(missing.status == 1 && missing.stderr.contains("looked in \(prefix.path)/share/kontakt/labels"), "\(missing.stderr)")
        let unlabelled = try s.run("campaign", "render", "novinky")
        #expect(unlabelled.status == 1 && unlabelled.stderr.contains("no label sheet presets"), "\(unlabelled.stderr)")
        let template = try s.run("campaign", "create", "druha", "--template", "neexistuje", "--where", "role = customer", "--referent", "novak")
        #expect(template.status == 1 && template.stderr.contains("no template \"neexistuje\": looked in the current folder, \(prefix.path)/share/kontakt/templates"), "\(template.stderr)")

        _ = try Self.install(["--uninstall", "--prefix", prefix.path])
        #expect(Self.files(under: prefix).isEmpty)
    }

    @Test func destdirStagesTheFilesUnderItsPrefix() throws {
        let s = try Session()
        let stage = s.folder.appendingPathComponent("stage")
        _ = try Self.install(["--binary", Session.binaryFolder.appendingPathComponent("kontakt").path, "--prefix", "/opt/kontakt", "--destdir", stage.path])
        let files = Self.files(under: stage)
        #expect(files.contains("opt/kontakt/bin/kontakt") && files.contains("opt/kontakt/share/kontakt/labels/README.md"))
        #expect(!FileManager.default.fileExists(atPath: "/opt/kontakt"))
    }
}
