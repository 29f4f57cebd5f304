// A template's attachments come from its own folder only, whatever a merged value says.

import Foundation
import Merge
import Testing
@testable import Campaigns

@Suite struct AttachmentPathTests {
    @Test func pathsThatLeaveTheTemplatesFolderAreRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontakt-attach-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("prilohy"), withIntermediateDirectories: true)
        try Data("nabídka".utf8).write(to: folder.appendingPathComponent("prilohy/nabidka.pdf"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("heslo").path, withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("dalsi").path, withDestinationPath: "prilohy/nabidka.pdf")
        let template = folder.appendingPathComponent("dopis.md").path
        let inside = try AttachmentPath.resolve("prilohy/nabidka.pdf", templatePath: template)
        #expect(inside.hasSuffix("/prilohy/nabidka.pdf"))
        #expect(try AttachmentPath.resolve("dalsi", templatePath: template) == inside)
        for (path, why) in [("/etc/shadow", "absolute"), ("../../../../etc/shadow", "climbs out"), ("prilohy/../../x", "climbs out"),
                            ("heslo", "symbolic link"), ("~/.ssh/id_rsa", "absolute"), ("a\u{0}b", "control character")] {
            do {
                _ = try AttachmentPath.resolve(path, templatePath: template)
                Issue.record("\(path) was accepted")
            } catch let error as MergeError {
                #expect("\(error)".contains(why) && "\(error)".contains("template's folder"), "\(error)")
            }
        }
    }
}
