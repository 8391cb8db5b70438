import Foundation

/// The vendor's documented examples in `VendorExamples/`: one file per endpoint, copied verbatim from the
/// API reference page it names (`source`). Where the stored page cut the example answer short, the file keeps the
/// verbatim beginning (`responseExcerpt`) and ``answer`` closes it after its last complete element: a prefix of
/// the documented answer, nothing added but closing brackets.
struct VendorExample: @unchecked Sendable {
    let name: String
    let source: String
    let method: String
    let path: String
    let requestContentType: String?
    let request: Any?
    let requiredRequestKeys: [String]
    let answer: [String: Any]?
    let truncated: Bool
    /// For a truncated answer, the JSON paths (`content.cart_items[]`) of the objects and lists the cut left open:
    /// their remaining keys are unknown.
    let openPaths: Set<String>

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("VendorExamples")

    static func all() throws -> [VendorExample] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        return try names.sorted().map { try load(String($0.dropLast(5))) }
    }

    static func load(_ name: String) throws -> VendorExample {
        let data = try Data(contentsOf: folder.appendingPathComponent(name + ".json"))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        var answer = object["response"] as? [String: Any]
        let truncated = object["responseTruncated"] as? Bool ?? false
        var openPaths: Set<String> = []
        if answer == nil, let excerpt = object["responseExcerpt"] as? String, let cut = closedCut(excerpt) {
            answer = cut.value as? [String: Any]
            openPaths = Set(cut.openPaths)
        }
        let request = object["request"].flatMap { $0 is NSNull ? nil : $0 }
        return VendorExample(
            name: name, source: object["source"] as? String ?? "", method: object["method"] as? String ?? "",
            path: object["path"] as? String ?? "", requestContentType: object["requestContentType"] as? String,
            request: request, requiredRequestKeys: object["requiredRequestKeys"] as? [String] ?? [],
            answer: answer, truncated: truncated, openPaths: openPaths)
    }

    /// Whether `path` (a request's, `/carts/c1/coupon`) is this example's (`/carts/{id}/coupon`).
    func matches(method: String, path requested: String) -> Bool {
        guard method == self.method else { return false }
        let template = path.split(separator: "/", omittingEmptySubsequences: true)
        let parts = requested.split(separator: "/", omittingEmptySubsequences: true)
        guard template.count == parts.count else { return false }
        return zip(template, parts).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
    }

    /// The answer's body as JSON text.
    var answerBody: String {
        guard let answer, let data = try? JSONSerialization.data(withJSONObject: answer) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// A truncated JSON text closed after its last complete element (cut at the last comma that parses once the
    /// open brackets are closed).
    static func closedPrefix(_ text: String) -> Any? { closedCut(text)?.value }

    /// ``closedPrefix(_:)`` with the JSON paths of the containers that were open at the cut (`""` is the root,
    /// `content.items[]` an element of `content.items`).
    static func closedCut(_ text: String) -> (value: Any, openPaths: [String])? {
        struct Frame {
            let bracket: Character
            let path: String
            var key: String?
        }
        var frames: [Frame] = []
        var inString = false
        var escaped = false
        var stringStart = text.startIndex
        var lastString: String?
        var cuts: [(index: String.Index, frames: [Frame])] = []
        for index in text.indices {
            let c = text[index]
            if inString {
                if escaped {
                    escaped = false
                } else if c == "\\" {
                    escaped = true
                } else if c == "\"" {
                    inString = false
                    lastString = String(text[text.index(after: stringStart)..<index])
                }
                continue
            }
            switch c {
            case "\"":
                inString = true
                stringStart = index
            case ":":
                if !frames.isEmpty { frames[frames.count - 1].key = lastString }
            case "{", "[":
                var path = ""
                if let parent = frames.last {
                    if parent.bracket == "[" {
                        path = parent.path + "[]"
                    } else {
                        let key = parent.key ?? "?"
                        path = parent.path.isEmpty ? key : parent.path + "." + key
                    }
                }
                frames.append(Frame(bracket: c, path: path))
            case "}", "]": _ = frames.popLast()
            case ",": cuts.append((index, frames))
            default: break
            }
        }
        for cut in cuts.reversed() {
            let closers = cut.frames.reversed().map { $0.bracket == "{" ? "}" : "]" }.joined()
            let candidate = String(text[..<cut.index]) + closers
            if let value = try? JSONSerialization.jsonObject(with: Data(candidate.utf8)) {
                return (value, cut.frames.map(\.path))
            }
        }
        return nil
    }
}

/// Key-by-key comparison of a JSON body the client sent with the documented one.
enum BodyShape {
    /// Keys the client sent that the documented body does not have, as dotted paths.
    static func undocumented(sent: Any, documented: Any, at path: String = "") -> [String] {
        switch (sent, documented) {
        case (let sent as [String: Any], let documented as [String: Any]):
            return sent.keys.sorted().flatMap { key -> [String] in
                let here = path.isEmpty ? key : "\(path).\(key)"
                guard let expected = documented[key] else { return [here] }
                return undocumented(sent: sent[key]!, documented: expected, at: here)
            }
        case (let sent as [Any], let documented as [Any]):
            guard let example = documented.first else { return [] }
            return sent.flatMap { undocumented(sent: $0, documented: example, at: path) }
        default:
            return []
        }
    }

    /// Documented keys the client did not send, as dotted paths.
    static func unsent(sent: Any, documented: Any, at path: String = "") -> [String] {
        switch (sent, documented) {
        case (let sent as [String: Any], let documented as [String: Any]):
            return documented.keys.sorted().flatMap { key -> [String] in
                let here = path.isEmpty ? key : "\(path).\(key)"
                guard let value = sent[key] else { return [here] }
                return unsent(sent: value, documented: documented[key]!, at: here)
            }
        case (let sent as [Any], let documented as [Any]):
            guard let example = documented.first, let first = sent.first else { return [] }
            return unsent(sent: first, documented: example, at: path)
        default:
            return []
        }
    }

    /// Whether the dotted `path` (`items.product_id`) is present in `body` (in every element of a list).
    static func has(_ path: String, in body: Any) -> Bool {
        let parts = path.split(separator: ".", maxSplits: 1).map(String.init)
        switch body {
        case let object as [String: Any]:
            guard let value = object[parts[0]] else { return false }
            return parts.count == 1 || has(parts[1], in: value)
        case let list as [Any]:
            return list.allSatisfy { has(path, in: $0) }
        default:
            return false
        }
    }
}
