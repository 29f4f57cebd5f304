// A file carried by a message.

public struct Attachment: Sendable {
    /// The name the recipient sees; any text (written per RFC 2231 when not plain ASCII).
    public var filename: String
    public var contentType: String
    public var data: [UInt8]

    /// - Parameter contentType: nil to take it from the file name's extension.
    public init(filename: String, data: [UInt8], contentType: String? = nil) {
        self.filename = filename
        self.data = data
        self.contentType = contentType ?? MediaTypes.type(forFilename: filename)
    }
}

/// Content types by file extension, for what correspondence attaches.
public enum MediaTypes {
    static let byExtension: [String: String] = [
        "pdf": "application/pdf", "txt": "text/plain", "csv": "text/csv", "html": "text/html", "htm": "text/html",
        "ics": "text/calendar", "vcf": "text/vcard", "eml": "message/rfc822", "xml": "application/xml", "json": "application/json",
        "zip": "application/zip", "gz": "application/gzip", "7z": "application/x-7z-compressed",
        "doc": "application/msword", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls": "application/vnd.ms-excel", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt": "application/vnd.ms-powerpoint", "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt": "application/vnd.oasis.opendocument.text", "ods": "application/vnd.oasis.opendocument.spreadsheet",
        "rtf": "application/rtf", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "svg": "image/svg+xml", "webp": "image/webp", "tif": "image/tiff", "tiff": "image/tiff",
    ]

    /// The type for a file name's extension, `application/octet-stream` when unknown.
    public static func type(forFilename filename: String) -> String {
        guard let dot = filename.lastIndex(of: "."), dot != filename.startIndex else { return "application/octet-stream" }
        return byExtension[filename[filename.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }
}
