import Foundation
import GRDB

struct ChannelPreferences: Codable, Sendable, Equatable {
    var email: Bool
    var sms: Bool
    var whatsapp: Bool
}

struct NotificationPreferences: Codable, Sendable, Equatable {
    var transactional: ChannelPreferences
    var promotional: ChannelPreferences
    var newsletter: ChannelPreferences

    static let defaults = NotificationPreferences(
        transactional: .init(email: true, sms: true, whatsapp: true),
        promotional: .init(email: false, sms: false, whatsapp: false),
        newsletter: .init(email: false, sms: false, whatsapp: false)
    )
}

struct BusinessDetails: Codable, Sendable, Equatable {
    var businessType: String?
    var name: String?
    var panNumber: String?
    var gstin: String?
}

struct UserRecord: SnakeCaseRecord, Sendable {
    static let databaseTableName = "user"
    var id: String
    var isAnonymous: Bool
    var firstName: String?
    var lastName: String?
    var email: String?
    var phone: String?
    var countryCode: String?
    var isEmailVerified: Bool
    var isPhoneVerified: Bool
    var passwordHash: String?
    var profileImageUrl: String?
    var loginMethods: [String]
    var notificationPreferences: NotificationPreferences?
    var loyaltyPoints: Int
    /// Paise.
    var creditBalance: Int
    var business: BusinessDetails?
    var customerId: String?
    var active: Bool
    var createdAt: Date
    var modifiedAt: Date

    static func anonymous(id: String, now: Date) -> UserRecord {
        UserRecord(
            id: id, isAnonymous: true, firstName: nil, lastName: nil, email: nil, phone: nil, countryCode: nil,
            isEmailVerified: false, isPhoneVerified: false, passwordHash: nil, profileImageUrl: nil, loginMethods: [],
            notificationPreferences: nil, loyaltyPoints: 0, creditBalance: 0, business: nil, customerId: nil,
            active: true, createdAt: now, modifiedAt: now)
    }
}

struct RefreshTokenRecord: SnakeCaseRecord, Sendable {
    static let databaseTableName = "refresh_token"
    var jti: String
    var userId: String
    var sessionId: String
    var expiresAt: Date
    var usedAt: Date?
}

struct RegistrationDetails: Codable, Sendable, Equatable {
    var firstName: String?
    var lastName: String?
    var email: String?
    var phone: String?
    var password: String?
}

struct OTPRecord: SnakeCaseRecord, Sendable {
    static let databaseTableName = "otp"
    var token: String
    var sessionUserId: String
    var action: OTPAction
    var channel: OTPChannel
    var phone: String?
    var email: String?
    var code: String
    var attempts: Int
    var consumed: Bool
    var registration: RegistrationDetails?
    var createdAt: Date
    var expiresAt: Date
}
