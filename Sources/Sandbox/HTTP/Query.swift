import Hummingbird

/// Query-string helpers: paging and list parameters (`key`, `key[]` and comma-separated values).
struct Query {
    let request: Request

    func string(_ key: String) -> String? {
        request.uri.queryParameters.get(key).flatMap { $0.isEmpty ? nil : $0 }
    }

    func list(_ key: String) -> [String] {
        let values =
            request.uri.queryParameters.getAll(key) + request.uri.queryParameters.getAll("\(key)[]")
        return values.flatMap { $0.split(separator: ",").map { String($0) } }.filter { !$0.isEmpty }
    }

    func bool(_ key: String) -> Bool {
        string(key).map { $0 == "true" || $0 == "1" } ?? false
    }

    /// `page` (≥ 1, default 1) and `limit` (1...100, default `defaultLimit`).
    func paging(defaultLimit: Int = 25) throws -> (page: Int, limit: Int) {
        var issues: [FieldIssue] = []
        var page = 1
        var limit = defaultLimit
        if let raw = string("page") {
            if let value = Int(raw), value >= 1 {
                page = value
            } else {
                issues.append(FieldIssue(field: "page", message: "Must be a whole number ≥ 1"))
            }
        }
        if let raw = string("limit") {
            if let value = Int(raw), (1...100).contains(value) {
                limit = value
            } else {
                issues.append(FieldIssue(field: "limit", message: "Must be a whole number between 1 and 100"))
            }
        }
        if !issues.isEmpty { throw APIError.validation(issues) }
        return (page, limit)
    }
}

extension Request {
    /// A header by case-insensitive name.
    func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.canonicalName == lowered }?.value
    }
}
