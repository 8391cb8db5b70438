import Foundation

/// A body sent as it is, with its own content type, instead of being encoded as JSON.
protocol RawRequestBody: Encodable, Sendable {
    var contentType: String { get }
    var data: Data { get }
}

extension RawRequestBody {
    /// Never encoded as JSON: the client sends ``data``.
    func encode(to encoder: any Encoder) throws {
        throw EncodingError.invalidValue(
            self, .init(codingPath: [], debugDescription: "a raw body is sent as it is, not encoded"))
    }
}

/// A `multipart/form-data` body (RFC 7578): text fields and files.
struct MultipartForm: RawRequestBody {
    struct File: Sendable, Hashable {
        var filename: String
        var contentType: String
        var bytes: Data
    }

    let boundary: String
    let fields: [(name: String, value: String)]
    let files: [(name: String, file: File)]

    init(fields: [(name: String, value: String)], files: [(name: String, file: File)], boundary: String? = nil) {
        self.fields = fields
        self.files = files
        self.boundary = boundary ?? "storefront-\(UUID().uuidString)"
    }

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    var data: Data {
        var body = Data()
        func line(_ text: String) { body.append(Data((text + "\r\n").utf8)) }
        for field in fields {
            line("--\(boundary)")
            line("Content-Disposition: form-data; name=\"\(Self.quoted(field.name))\"")
            line("")
            line(field.value)
        }
        for (name, file) in files {
            line("--\(boundary)")
            line(
                "Content-Disposition: form-data; name=\"\(Self.quoted(name))\"; filename=\"\(Self.quoted(file.filename))\""
            )
            line("Content-Type: \(file.contentType)")
            line("")
            body.append(file.bytes)
            line("")
        }
        line("--\(boundary)--")
        return body
    }

    /// Quotes and line breaks cannot appear inside a quoted header parameter.
    static func quoted(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "%22").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }
}

/// A profile image read from a path the person typed, checked before anything is sent.
public enum ProfileImageFile {
    /// The largest image the app uploads.
    public static let maxBytes = 2 * 1024 * 1024

    static func read(_ path: String) throws(APIError) -> MultipartForm.File {
        let expanded = (path as NSString).expandingTildeInPath
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: expanded, isDirectory: &isDirectory), !isDirectory.boolValue
        else {
            throw invalid("There is no file at \(path).")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: expanded)[.size] as? Int) ?? 0
        guard size <= maxBytes else {
            throw invalid(
                "\(path) is \(size / 1024) KB; the profile image may be at most \(maxBytes / 1024 / 1024) MB.")
        }
        guard let bytes = FileManager.default.contents(atPath: expanded) else {
            throw invalid("\(path) could not be read.")
        }
        guard let type = imageType(bytes) else {
            throw invalid("\(path) is not a PNG, JPEG, GIF or WebP image.")
        }
        return MultipartForm.File(
            filename: (expanded as NSString).lastPathComponent, contentType: type, bytes: bytes)
    }

    /// The image type by the file's first bytes (not its name).
    public static func imageType(_ bytes: Data) -> String? {
        let head = [UInt8](bytes.prefix(12))
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if head.starts(with: Array("GIF87a".utf8)) || head.starts(with: Array("GIF89a".utf8)) { return "image/gif" }
        if head.count >= 12, head.starts(with: Array("RIFF".utf8)), Array(head[8..<12]) == Array("WEBP".utf8) {
            return "image/webp"
        }
        return nil
    }

    private static func invalid(_ message: String) -> APIError {
        .http(
            status: 400, code: "INVALID_IMAGE", message: message,
            details: [FieldIssue(field: "image", message: message)])
    }
}
