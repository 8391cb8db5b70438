import Foundation

/// Every text input the screens show; the text lives in `State.form`.
public enum Field: String, Codable, Sendable, Hashable, CaseIterable {
    case searchQuery
    case loginIdentifier, otp, password
    case registerFirstName, registerLastName, registerEmail, registerPhone
    case couponCode, giftCardCode, loyaltyPoints, creditAmount
    case addressFirstName, addressLastName, addressPhone, addressEmail, addressLine1, addressLine2
    case addressPincode, addressCity, addressState
    case businessName, gstin, pan
    case profileFirstName, profileLastName, profileEmail, profilePhone
    case currentPassword, newPassword
    case resetIdentifier

    /// Never written to the action log.
    public var isSecret: Bool {
        switch self {
        case .otp, .password, .currentPassword, .newPassword: true
        default: false
        }
    }

    /// The screen masks it.
    public var isMasked: Bool { self == .password || self == .currentPassword || self == .newPassword }

    public var maxLength: Int {
        switch self {
        case .otp, .addressPincode: 6
        case .registerPhone, .addressPhone, .profilePhone: 10
        case .gstin: 15
        case .pan: 10
        case .loyaltyPoints: 7
        case .creditAmount: 10
        default: 120
        }
    }

    /// Normalizes typed text: digits-only fields drop other characters, tax ids are upper-cased.
    func accept(_ text: String) -> String {
        switch self {
        case .otp, .addressPincode, .registerPhone, .addressPhone, .profilePhone, .loyaltyPoints:
            String(text.filter(\.isNumber))
        case .creditAmount:
            String(text.filter { $0.isNumber || $0 == "." })
        case .gstin, .pan:
            String(text.uppercased().filter { $0.isLetter || $0.isNumber })
        default:
            String(text.filter { !$0.isNewline })
        }
    }
}

/// An edit of a text input: what keys turn into.
public enum TextEdit: Codable, Sendable, Hashable {
    case insert(String)
    case backspace
    case clear
}

/// The texts of all inputs; a missing field is empty.
public struct Form: Equatable, Sendable {
    public var values: [Field: String] = [:]
    /// Fields whose text the app filled in (a PIN code's city and state): the first key typed there replaces the
    /// whole text rather than adding to it, so typing the value out (or a recording of someone who did) gives it
    /// once. Any other change makes the text the user's.
    public private(set) var suggested: Set<Field> = []

    public init() {}

    public subscript(field: Field) -> String {
        get { values[field] ?? "" }
        set {
            values[field] = newValue.isEmpty ? nil : newValue
            suggested.remove(field)
        }
    }

    /// Fills `field` with `text` as a suggestion (see ``suggested``).
    public mutating func suggest(_ text: String, for field: Field) {
        self[field] = String(text.prefix(field.maxLength))
        suggested.insert(field)
    }

    /// The field's text, trimmed.
    public func trimmed(_ field: Field) -> String {
        self[field].trimmingCharacters(in: .whitespaces)
    }

    mutating func apply(_ edit: TextEdit, to field: Field) {
        if suggested.contains(field) { self[field] = "" }
        switch edit {
        case .insert(let text):
            let accepted = field.accept(text)
            self[field] = String((self[field] + accepted).prefix(field.maxLength))
        case .backspace:
            self[field] = String(self[field].dropLast())
        case .clear:
            self[field] = ""
        }
    }

    mutating func set(_ field: Field, _ text: String) {
        self[field] = String(field.accept(text).prefix(field.maxLength))
    }

    mutating func clearSecrets() {
        for field in Field.allCases where field.isSecret { self[field] = "" }
    }
}
