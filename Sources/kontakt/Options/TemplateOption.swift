// `--templates FOLDER`: where a template named without a path (`newsletter`, `dopis.md`) is
// looked up; see ResourceFolders for the order when it is not given.

import ArgumentParser
import Foundation
import Store

struct TemplateFolderOption: ParsableArguments {
    @Option(name: .customLong("templates"), help: ArgumentHelp("The folder a template named without a path is looked up in (default: the setting templates.folder, else the installed templates).", valueName: "FOLDER"))
    var folder: String?

    /// The template file `name` means: as given when it is a file (so messages name it as the
    /// user typed it), else from the templates folder. `absolute` for a campaign, which keeps
    /// the path for commands that may run from another folder.
    func resolve(_ name: String, database: KontaktDatabase?, absolute: Bool = false) throws -> String {
        let path = try ResourceFolders.template(name, folder: folder, database: database)
        return absolute ? URL(fileURLWithPath: path).standardizedFileURL.path : path
    }
}
