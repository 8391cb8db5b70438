import Foundation

/// Keeps secrets out of logs and error messages: tokens, OTPs, passwords, the API key and card data never
/// reach a log line. Ids in paths (user, cart, order) are kept: they are needed to debug and grant nothing.
public enum Redaction {
    public static let placeholder = "[redacted]"

    /// Wire keys whose values are secret, wherever they appear in a JSON body.
    public static let secretKeys: Set<String> = [
        "access_token", "refresh_token", "otp", "otp_token", "password", "old_password", "new_password",
        "confirm_password", "api_key", "client_auth_token", "card_number", "card_security_code", "card_token",
        "upi_vpa", "authorization", "x-api-key", "x-support-key", "support_key",
    ]

    /// Headers whose values are secret.
    public static let secretHeaders: Set<String> = [
        "authorization", "x-api-key", "x-support-key", "cookie", "set-cookie", "proxy-authorization",
    ]

    public static func headers(_ headers: [String: String]) -> String {
        headers.keys.sorted().map { name in
            "\(name): \(secretHeaders.contains(name.lowercased()) ? placeholder : headers[name] ?? "")"
        }.joined(separator: ", ")
    }

    /// A body for a trace log: JSON with secret values replaced, or other text passed through ``redact(_:)``;
    /// cut at `limit` characters.
    public static func body(_ data: Data?, limit: Int = 2000) -> String {
        guard let data, !data.isEmpty else { return "" }
        let text: String
        if let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
            let clean = try? JSONSerialization.data(
                withJSONObject: scrub(object), options: [.sortedKeys, .fragmentsAllowed])
        {
            text = String(decoding: clean, as: UTF8.self)
        } else {
            text = redact(String(decoding: data, as: UTF8.self))
        }
        return text.count > limit ? String(text.prefix(limit)) + "…" : text
    }

    static func scrub(_ value: Any) -> Any {
        switch value {
        case let object as [String: Any]:
            var result: [String: Any] = [:]
            for (key, inner) in object {
                result[key] = secretKeys.contains(key.lowercased()) ? placeholder : scrub(inner)
            }
            return result
        case let list as [Any]:
            return list.map(scrub)
        case let text as String:
            return redact(text)
        default:
            return value
        }
    }

    /// Text that may hold secrets in `key: value`, `key=value` or `"key": "value"` form, or bare JWTs.
    public static func redact(_ text: String) -> String {
        var result = text
        let keys = secretKeys.map(NSRegularExpression.escapedPattern(for:)).sorted().joined(separator: "|")
        let patterns = [
            // "key": "value" / key=value / key: value (also Bearer values after Authorization).
            "(\"?(?:\(keys))\"?\\s*[:=]\\s*\"?)(?:Bearer\\s+)?([^\"&,;}\\s]+)",
            // Any JWT.
            "()(eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*)",
        ]
        for pattern in patterns {
            guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { continue }
            result = regex.stringByReplacingMatches(
                in: result, range: NSRange(result.startIndex..., in: result), withTemplate: "$1\(placeholder)")
        }
        return result
    }
}
