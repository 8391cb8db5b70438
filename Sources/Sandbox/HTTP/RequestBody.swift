import Foundation
import Hummingbird

/// A JSON object body read field by field; problems are collected and thrown together as a 400 with `details`.
struct RequestBody: Sendable {
    private(set) var fields: [String: JSONValue]
    private(set) var issues: [FieldIssue] = []

    init(fields: [String: JSONValue]) { self.fields = fields }

    static func read(_ request: Request, context: SandboxContext, allowEmpty: Bool = true) async throws
        -> RequestBody
    {
        let data = try await collect(request, limit: 1 << 20)
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            guard allowEmpty else { throw APIError.validation(field: "body", "A JSON body is required") }
            return RequestBody(fields: [:])
        }
        let value: JSONValue
        do {
            value = try JSONValue.parse(data)
        } catch {
            throw APIError.badRequest("Body is not valid JSON", code: "INVALID_INPUT")
        }
        guard case .object(let fields) = value else {
            throw APIError.validation(field: "body", "Expected a JSON object")
        }
        return RequestBody(fields: fields)
    }

    /// The whole body, or a 413 with the envelope when it is larger than `limit` (never a 500).
    static func collect(_ request: Request, limit: Int) async throws -> Data {
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Data(buffer.readableBytesView)
        } catch {
            throw APIError(
                status: .contentTooLarge, code: "PAYLOAD_TOO_LARGE",
                message: "The request body is larger than \(limit >> 10) KB.")
        }
    }

    mutating func fail(_ field: String, _ message: String) {
        issues.append(FieldIssue(field: field, message: message))
    }

    func has(_ key: String) -> Bool {
        if let value = fields[key], value != .null { return true }
        return false
    }

    /// The key is in the body, possibly as `null`.
    func present(_ key: String) -> Bool { fields[key] != nil }

    func validate() throws {
        if !issues.isEmpty { throw APIError.validation(issues) }
    }

    // MARK: Strings

    mutating func string(_ key: String, prefix: String = "") -> String? {
        let name = prefix + key
        switch fields[key] {
        case nil, .null: return nil
        case .string(let value): return value
        case .some(let other):
            fail(name, "Must be a string, got \(other.typeName)")
            return nil
        }
    }

    mutating func requiredString(_ key: String, prefix: String = "") -> String {
        guard has(key) else {
            fail(prefix + key, "Is required")
            return ""
        }
        let value = string(key, prefix: prefix) ?? ""
        if value.trimmingCharacters(in: .whitespaces).isEmpty
            && fields[key].map({ if case .string = $0 { true } else { false } }) == true
        {
            fail(prefix + key, "Must not be empty")
        }
        return value
    }

    mutating func requiredPhone(_ key: String = "phone", prefix: String = "") -> String {
        let phone = requiredString(key, prefix: prefix)
        if !phone.isEmpty && !Validators.isPhone(phone) { fail(prefix + key, "Must be 10 digits") }
        return phone
    }

    mutating func requiredEmail(_ key: String = "email", prefix: String = "") -> String {
        let email = requiredString(key, prefix: prefix)
        if !email.isEmpty && !Validators.isEmail(email) { fail(prefix + key, "Must be a valid email address") }
        return email
    }

    mutating func optionalEmail(_ key: String = "email") -> String? {
        let email = string(key)
        if let email, !email.isEmpty, !Validators.isEmail(email) { fail(key, "Must be a valid email address") }
        return email?.isEmpty == true ? nil : email
    }

    mutating func optionalPhone(_ key: String = "phone") -> String? {
        let phone = string(key)
        if let phone, !phone.isEmpty, !Validators.isPhone(phone) { fail(key, "Must be 10 digits") }
        return phone?.isEmpty == true ? nil : phone
    }

    mutating func countryCode(_ key: String = "country_code") -> String {
        let code = string(key) ?? "+91"
        if code != "+91" { fail(key, "Only +91 is supported") }
        return code
    }

    mutating func oneOf(_ key: String, _ allowed: [String], required: Bool = true) -> String? {
        guard has(key) else {
            if required { fail(key, "Is required (one of \(allowed.joined(separator: ", ")))") }
            return nil
        }
        guard let value = string(key) else { return nil }
        guard allowed.contains(value) else {
            fail(key, "Must be one of \(allowed.joined(separator: ", "))")
            return nil
        }
        return value
    }

    // MARK: Numbers and flags

    mutating func bool(_ key: String) -> Bool? {
        switch fields[key] {
        case nil, .null: return nil
        case .bool(let value): return value
        case .some(let other):
            fail(key, "Must be a boolean, got \(other.typeName)")
            return nil
        }
    }

    mutating func int(_ key: String, prefix: String = "", min: Int? = nil, max: Int? = nil) -> Int? {
        let name = prefix + key
        switch fields[key] {
        case nil, .null: return nil
        case .number(let number):
            guard let int = Int(exactly: NSDecimalNumber(decimal: number).int64Value),
                Decimal(int) == number
            else {
                fail(name, "Must be a whole number")
                return nil
            }
            if let min, int < min {
                fail(name, "Must be greater than or equal to \(min)")
                return nil
            }
            if let max, int > max {
                fail(name, "Must be less than or equal to \(max)")
                return nil
            }
            return int
        case .some(let other):
            fail(name, "Must be a number, got \(other.typeName)")
            return nil
        }
    }

    mutating func requiredInt(_ key: String, prefix: String = "", min: Int? = nil, max: Int? = nil) -> Int {
        guard has(key) else {
            fail(prefix + key, "Is required")
            return 0
        }
        return int(key, prefix: prefix, min: min, max: max) ?? 0
    }

    /// A rupee amount (JSON number, up to 2 decimals) as paise.
    mutating func requiredMoney(_ key: String) -> Int {
        guard has(key) else {
            fail(key, "Is required")
            return 0
        }
        guard case .number(let number) = fields[key] else {
            fail(key, "Must be a number")
            return 0
        }
        guard let paise = Paise(rupees: number) else {
            fail(key, "Must have at most 2 decimal places")
            return 0
        }
        if paise.value < 0 { fail(key, "Must not be negative") }
        return paise.value
    }

    // MARK: Nested

    mutating func object(_ key: String) -> RequestBody? {
        switch fields[key] {
        case nil, .null: return nil
        case .object(let value): return RequestBody(fields: value)
        case .some(let other):
            fail(key, "Must be an object, got \(other.typeName)")
            return nil
        }
    }

    mutating func array(_ key: String) -> [JSONValue]? {
        switch fields[key] {
        case nil, .null: return nil
        case .array(let value): return value
        case .some(let other):
            fail(key, "Must be an array, got \(other.typeName)")
            return nil
        }
    }

    /// Adds the issues of a nested body under `prefix`.
    mutating func absorb(_ nested: RequestBody) {
        issues.append(contentsOf: nested.issues)
    }

    /// What `read` makes of each object in the array `key`, given the object's own body and the prefix of its
    /// fields (`key[i].`); an element that is not an object is refused. nil when there is no array.
    mutating func objects<Value>(_ key: String, _ read: (inout RequestBody, String) -> Value) -> [Value]? {
        guard let elements = array(key) else { return nil }
        var values: [Value] = []
        for (index, element) in elements.enumerated() {
            guard case .object(let fields) = element else {
                fail("\(key)[\(index)]", "Must be an object")
                continue
            }
            var nested = RequestBody(fields: fields)
            values.append(read(&nested, "\(key)[\(index)]."))
            absorb(nested)
        }
        return values
    }
}

enum Validators {
    static func isPhone(_ value: String) -> Bool {
        value.count == 10 && value.allSatisfy { $0.isASCII && $0.isNumber }
    }

    static func isEmail(_ value: String) -> Bool {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
            !parts[1].hasSuffix("."), !value.contains(" ")
        else { return false }
        return true
    }

    static func isPincode(_ value: String) -> Bool {
        value.count == 6 && value.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
