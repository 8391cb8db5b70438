import GRDB

/// Where an OTP is sent (`channel` of the requests and of the `otp` table).
enum OTPChannel: String, Codable, Sendable, DatabaseValueConvertible, CaseIterable {
    case sms, whatsapp, email

    /// The login method a verified OTP of this channel records on the user.
    var loginMethod: String {
        switch self {
        case .sms: "phone"
        case .whatsapp: "whatsapp"
        case .email: "email"
        }
    }
}

/// What an OTP is for (`otp_action` of the requests and `action` of the `otp` table).
enum OTPAction: String, Codable, Sendable, DatabaseValueConvertible {
    case login, register
    case resetPassword = "reset-password"
    case verifyPhone = "verify-phone"
    case verifyEmail = "verify-email"
    case updatePhone = "update-phone"
    case updateEmail = "update-email"
    /// A reset-password OTP checked by `/auth/verify-otp`: `/auth/reset-password` accepts its token without a code.
    case resetPasswordVerified = "reset-password-verified"
    /// A reset-password OTP that has set a password (used up).
    case resetPasswordDone = "reset-password-done"

    /// The actions a request may name, in the order the validation message lists them.
    static let requestable: [OTPAction] = [
        .login, .register, .resetPassword, .verifyPhone, .verifyEmail, .updatePhone, .updateEmail,
    ]

    /// Changes of a user's own phone or email: their OTP only works in that user's session.
    var changesContact: Bool {
        [.verifyPhone, .verifyEmail, .updatePhone, .updateEmail].contains(self)
    }
}

extension RequestBody {
    /// `key` as one of `allowed` (see ``oneOf(_:_:required:)``).
    mutating func oneOf<Value: RawRepresentable<String>>(_ key: String, _ allowed: [Value]) -> Value? {
        oneOf(key, allowed.map(\.rawValue)).flatMap(Value.init(rawValue:))
    }
}
