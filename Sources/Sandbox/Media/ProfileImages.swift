import Foundation
import GRDB
import Hummingbird

/// Uploaded profile images: checked (an image part of at most ``maxBytes``, PNG/JPEG/GIF/WebP by its bytes), kept
/// in the database and served at `/sandbox/profile-images/{id}.{ext}` from the server root.
struct ProfileImages {
    let services: SandboxServices

    static let maxBytes = 2 << 20
    static let field = "image"

    /// The image types the sandbox accepts, told by their first bytes.
    enum Kind: String, CaseIterable {
        case png, jpeg, gif, webp

        var contentType: String { "image/\(rawValue)" }
        var fileExtension: String { self == .jpeg ? "jpg" : rawValue }

        init?(sniffing data: Data) {
            let bytes = [UInt8](data.prefix(12))
            func starts(_ prefix: [UInt8]) -> Bool { bytes.starts(with: prefix) }
            if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
                self = .png
            } else if starts([0xFF, 0xD8, 0xFF]) {
                self = .jpeg
            } else if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) {
                self = .gif
            } else if starts(Array("RIFF".utf8)) && bytes.count == 12 && Array(bytes[8..<12]) == Array("WEBP".utf8) {
                self = .webp
            } else {
                return nil
            }
        }
    }

    /// The `image` part of a `multipart/form-data` request, or a 400 naming the field.
    static func upload(_ request: Request) async throws -> (kind: Kind, data: Data) {
        let contentType = request.headers[.contentType] ?? ""
        guard let boundary = MultipartForm.boundary(contentType: contentType) else {
            throw APIError.validation(
                field: field, "Must be sent as multipart/form-data with an image file part named \"image\"")
        }
        let body: Data
        do {
            // Room for the part headers and boundaries around the largest image.
            let buffer = try await request.body.collect(upTo: maxBytes + (64 << 10))
            body = Data(buffer.readableBytesView)
        } catch {
            throw APIError.validation(field: field, "Must be at most \(maxBytes >> 20) MB")
        }
        guard let form = MultipartForm.parse(body, boundary: boundary) else {
            throw APIError.validation(field: "body", "Is not a well-formed multipart/form-data body")
        }
        guard let part = form.part(named: field), part.filename != nil || !part.data.isEmpty else {
            throw APIError.validation(field: field, "Is required (a file part)")
        }
        guard !part.data.isEmpty else { throw APIError.validation(field: field, "Must not be empty") }
        guard part.data.count <= maxBytes else {
            throw APIError.validation(field: field, "Must be at most \(maxBytes >> 20) MB")
        }
        guard (part.contentType ?? "").lowercased().hasPrefix("image/"), let kind = Kind(sniffing: part.data) else {
            throw APIError.validation(field: field, "Must be a PNG, JPEG, GIF or WebP image")
        }
        return (kind, part.data)
    }

    /// Keeps `data` as the user's only profile image; returns its URL.
    func store(_ data: Data, kind: Kind, userId: String, request: Request) async throws -> String {
        let now = services.now()
        let id = IDs.make(now: now).lowercased()
        let url = "\(PaymentPages.origin(request))/sandbox/profile-images/\(id).\(kind.fileExtension)"
        try await services.database.write { db in
            try db.execute(literal: "DELETE FROM profile_image WHERE user_id = \(userId)")
            try db.execute(
                literal: """
                    INSERT INTO profile_image (id, user_id, content_type, data, created_at)
                    VALUES (\(id), \(userId), \(kind.contentType), \(data), \(now))
                    """)
            try UserRecord.filter(key: userId).updateAll(
                db, Column("profile_image_url").set(to: url), Column("modified_at").set(to: now))
        }
        return url
    }

    func register(on router: Router<SandboxContext>) {
        router.get("sandbox/profile-images/:file") { _, context in try await serve(context) }
    }

    func serve(_ context: SandboxContext) async throws -> Response {
        let file = try context.parameters.require("file")
        let id = String(file.prefix { $0 != "." })
        let image = try await services.database.read { db -> (type: String, data: Data)? in
            try Row.fetchOne(db, sql: "SELECT content_type, data FROM profile_image WHERE id = ?", arguments: [id])
                .map { ($0["content_type"], $0["data"]) }
        }
        guard let (type, data) = image else { throw APIError.notFound("No such image") }
        return Response(
            status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
