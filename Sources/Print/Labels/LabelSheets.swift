// The label sheets Kontakt knows: every *.yaml file of a folder (Templates/labels).

import Foundation

public enum LabelSheets {
    /// Every preset of the folder, by name.
    public static func load(folder: String) throws -> [String: LabelSheet] {
        var sheets: [String: LabelSheet] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for file in names where file.hasSuffix(".yaml") {
            let path = folder + "/" + file
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let name = String(file.dropLast(5))
            sheets[name] = try LabelSheet(yaml: String(decoding: data, as: UTF8.self), name: name, file: path)
        }
        return sheets
    }

    /// The preset `name`, or an error listing the known ones.
    public static func named(_ name: String, folder: String) throws -> LabelSheet {
        let sheets = try load(folder: folder)
        guard let sheet = sheets[name] else { throw PrintError.unknownSheet(name, known: sheets.keys.sorted()) }
        return sheet
    }
}
