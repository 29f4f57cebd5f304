// Where Kontakt's shipped resources (label sheet presets, templates) are, so it runs from any
// folder: an option when given, else the setting, else the share folder installed beside the
// executable (PREFIX/bin/kontakt → PREFIX/share/kontakt), else the source tree a development
// build runs from. What was looked for and not found is an error naming every place looked.

import Foundation
import Print
import Store

enum ResourceFolders {
    /// The running executable's folder, symbolic links resolved.
    static var executableFolder: URL? {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        guard !path.isEmpty else { return nil }
        return URL(fileURLWithPath: path).resolvingSymlinksInPath().deletingLastPathComponent()
    }

    /// PREFIX/share/kontakt for an executable in PREFIX/bin.
    static var installedShare: String? {
        guard let bin = executableFolder else { return nil }
        let share = bin.deletingLastPathComponent().appendingPathComponent("share/kontakt").path
        return isFolder(share) ? share : nil
    }

    /// The source tree of a development build (.build/debug/kontakt, .build/x86_64-…/release/kontakt).
    static var sourceTree: String? {
        var folder = executableFolder
        for _ in 0 ..< 5 {
            guard let current = folder else { return nil }
            if FileManager.default.fileExists(atPath: current.appendingPathComponent("Package.swift").path),
               isFolder(current.appendingPathComponent("Templates").path) {
                return current.path
            }
            folder = current.deletingLastPathComponent()
        }
        return nil
    }

    /// The folders label sheets are read from, in order. Given folders (`--sheets`) or the
    /// setting stand alone; otherwise Kontakt's own presets (installed or in the source tree) and
    /// gLabels' library when the system has it.
    static func labelSheetFolders(given: [String], database: KontaktDatabase?) throws -> [String] {
        if !given.isEmpty { return given }
        if let stored = try database?.read({ db in try Settings.get("print.sheets", db: db) }) {
            return stored.split(separator: ":").map(String.init)
        }
        // The installed place is named even when it is missing: that is where it should be.
        let installed = executableFolder.map { $0.deletingLastPathComponent().appendingPathComponent("share/kontakt/labels").path }
        let looked = [installed, sourceTree.map { $0 + "/Templates/labels" }].compactMap { $0 }
        guard let own = looked.first(where: isFolder) else { throw PrintError.noSheetFolder(looked: looked) }
        return [own] + GLabelsLibrary.systemFolders.filter { GLabelsLibrary.isLibrary($0) }.prefix(1)
    }

    /// The catalog of every sheet the folders hold.
    static func labelSheets(given: [String], database: KontaktDatabase?) throws -> LabelSheetCatalog {
        try LabelSheetCatalog(folders: labelSheetFolders(given: given, database: database))
    }

    /// The sheet `name` names, reading gLabels' library only when no preset is meant.
    static func labelSheet(_ name: String, given: [String], database: KontaktDatabase?) throws -> LabelSheet {
        try LabelSheetCatalog.sheet(named: name, in: labelSheetFolders(given: given, database: database))
    }

    /// The shipped templates' folder: `--templates`, the setting, the installed share, the source tree.
    static func templateFolders(given: String?, database: KontaktDatabase?) throws -> [String] {
        if let given { return [given] }
        if let stored = try database?.read({ db in try Settings.get("templates.folder", db: db) }) { return [stored] }
        return [installedShare.map { $0 + "/templates" }, sourceTree.map { $0 + "/Templates" }].compactMap { $0 }.filter(isFolder)
    }

    /// The template file `name` means: a file that exists as given, else `name` (with or without
    /// `.md`) in the templates folder. Not found is an error naming the places looked.
    static func template(_ name: String, folder: String?, database: KontaktDatabase?) throws -> String {
        if FileManager.default.fileExists(atPath: name) { return name }
        let folders = try templateFolders(given: folder, database: database)
        if !name.contains("/") {
            for folder in folders {
                for file in [name, name + ".md"] where FileManager.default.fileExists(atPath: folder + "/" + file) {
                    return folder + "/" + file
                }
            }
        }
        let places = ["the current folder"] + (name.contains("/") ? [] : folders)
        throw ExitMessage("no template \"\(name)\": looked in \(places.joined(separator: ", ")) (give --templates FOLDER or set templates.folder)")
    }

    private static func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }
}
