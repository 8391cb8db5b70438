import Foundation
import GRDB

/// One-time passwords: 6 digits, valid 10 minutes, at most 5 tries per OTP token, and a resend cooldown per
/// destination (phone or email): 30 s unless ``SandboxConfiguration/otpResendCooldown`` says otherwise.
enum OTPService {
    static let lifetime: TimeInterval = 600
    static let maxAttempts = 5
    static let resendCooldown: TimeInterval = 30

    struct Destination: Sendable {
        var channel: OTPChannel
        var phone: String?
        var email: String?
    }

    /// Creates an OTP, refusing (429) when one was sent to the same destination within the cooldown.
    static func create(
        cooldown: TimeInterval = resendCooldown, _ db: Database, sessionUserId: String, action: OTPAction,
        destination: Destination,
        registration: RegistrationDetails? = nil, now: Date
    ) throws -> OTPRecord {
        let cutoff = now.addingTimeInterval(-cooldown)
        let recent: Int
        if let phone = destination.phone {
            recent =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM otp WHERE phone = ? AND action = ? AND created_at > ?",
                    arguments: [phone, action, cutoff])
                ?? 0
        } else {
            recent =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM otp WHERE email = ? AND action = ? AND created_at > ?",
                    arguments: [destination.email, action, cutoff]) ?? 0
        }
        if recent > 0 {
            throw APIError.tooManyRequests(
                "An OTP was sent less than \(Int(cooldown)) seconds ago; wait before requesting another")
        }
        let record = OTPRecord(
            token: IDs.token(), sessionUserId: sessionUserId, action: action, channel: destination.channel,
            phone: destination.phone, email: destination.email, code: IDs.digits(6), attempts: 0, consumed: false,
            registration: registration, createdAt: now, expiresAt: now.addingTimeInterval(lifetime))
        try record.insert(db)
        return record
    }

    /// Checks a code; counts the attempt (committed even when the check fails).
    enum Check: Sendable {
        case valid(OTPRecord)
        case invalid(APIError)
    }

    /// `action` is the one the request names (nil: none, which no OTP matches).
    static func check(_ db: Database, token: String, code: String, action: OTPAction?, now: Date) throws -> Check {
        guard var record = try OTPRecord.fetchOne(db, key: token) else {
            return .invalid(APIError(status: .badRequest, code: "INVALID_OTP_TOKEN", message: "Unknown OTP token"))
        }
        guard record.action == action else {
            return .invalid(
                APIError.validation(field: "otp_action", "Does not match the OTP token (\(record.action.rawValue))"))
        }
        if record.consumed {
            return .invalid(APIError(status: .badRequest, code: "OTP_USED", message: "OTP has already been used"))
        }
        if now > record.expiresAt {
            return .invalid(APIError(status: .badRequest, code: "OTP_EXPIRED", message: "OTP has expired"))
        }
        if record.attempts >= maxAttempts {
            return .invalid(
                APIError(
                    status: .tooManyRequests, code: "OTP_ATTEMPTS_EXCEEDED",
                    message: "Too many attempts; request a new OTP"))
        }
        record.attempts += 1
        if record.code != code {
            try record.update(db)
            let left = maxAttempts - record.attempts
            return .invalid(
                APIError(
                    status: .badRequest, code: "INVALID_OTP",
                    message: "Incorrect OTP; \(left) attempt\(left == 1 ? "" : "s") left",
                    details: [FieldIssue(field: "otp", message: "Incorrect OTP")]))
        }
        record.consumed = true
        try record.update(db)
        return .valid(record)
    }
}

/// Password hashing for the sandbox (salted, iterated SHA-256).
enum PasswordHasher {
    static func hash(_ password: String, salt: String = IDs.token(bytes: 12)) -> String {
        "\(salt)$\(digest(password, salt: salt))"
    }

    static func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return false }
        return digest(password, salt: parts[0]) == parts[1]
    }

    private static func digest(_ password: String, salt: String) -> String {
        var data = Data((salt + ":" + password).utf8)
        for _ in 0..<1000 { data = Data(SHA256Digest.of(data)) }
        return data.map { String(format: "%02x", $0) }.joined()
    }
}
