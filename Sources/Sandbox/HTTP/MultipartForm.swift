import Foundation

/// A `multipart/form-data` body (RFC 7578) split into its parts.
struct MultipartForm: Sendable {
    struct Part: Sendable {
        var name: String
        var filename: String?
        var contentType: String?
        var data: Data
    }

    var parts: [Part]

    func part(named name: String) -> Part? { parts.first { $0.name == name } }

    /// The boundary of a `multipart/form-data` content type; nil for any other type.
    static func boundary(contentType: String) -> String? {
        let pieces = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard pieces.first?.lowercased() == "multipart/form-data" else { return nil }
        for piece in pieces.dropFirst() where piece.lowercased().hasPrefix("boundary=") {
            let value = unquoted(String(piece.dropFirst("boundary=".count)))
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// The parts of `data`; nil when it is not a well-formed multipart body with this boundary.
    static func parse(_ data: Data, boundary: String) -> MultipartForm? {
        let delimiter = Data("--\(boundary)".utf8)
        let crlf = Data("\r\n".utf8)
        guard var cursor = data.range(of: delimiter)?.upperBound else { return nil }
        var parts: [Part] = []
        while true {
            // After a delimiter, "--" closes the body and CRLF opens the next part.
            if data[cursor...].starts(with: Data("--".utf8)) { return MultipartForm(parts: parts) }
            guard data[cursor...].starts(with: crlf) else { return nil }
            cursor += crlf.count
            guard let headerEnd = data.range(of: crlf + crlf, in: cursor..<data.endIndex),
                let next = data.range(of: crlf + delimiter, in: headerEnd.upperBound..<data.endIndex),
                let part = part(
                    headers: String(decoding: data[cursor..<headerEnd.lowerBound], as: UTF8.self),
                    data: Data(data[headerEnd.upperBound..<next.lowerBound]))
            else { return nil }
            parts.append(part)
            cursor = next.upperBound
        }
    }

    private static func part(headers: String, data: Data) -> Part? {
        var name: String?
        var filename: String?
        var contentType: String?
        for line in headers.components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let header = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if header == "content-type" { contentType = value }
            guard header == "content-disposition" else { continue }
            for parameter in value.split(separator: ";").dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                guard pair.count == 2 else { continue }
                switch pair[0].lowercased() {
                case "name": name = unquoted(pair[1])
                case "filename": filename = unquoted(pair[1])
                default: break
                }
            }
        }
        guard let name else { return nil }
        return Part(name: name, filename: filename, contentType: contentType, data: data)
    }

    private static func unquoted(_ value: String) -> String {
        value.count >= 2 && value.hasPrefix("\"") && value.hasSuffix("\"")
            ? String(value.dropFirst().dropLast()) : value
    }
}
