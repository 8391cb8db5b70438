import Foundation

/// `User` / `AnonymousUser` on the wire.
struct UserWire: Codable, Sendable, Equatable {
    var id: String
    @Null var firstName: String?
    @Null var lastName: String?
    @Null var email: String?
    var isEmailVerified: Bool
    @Null var phone: String?
    @Null var countryCode: String?
    var isPhoneVerified: Bool
    @Null var profileImageUrl: String?
    var isAnonymous: Bool
    var isLoggedIn: Bool
    var loginMethods: [String]
    var notificationPreferences: NotificationPreferences
    /// Paise; a sandbox extension (the vendor's user has none). The loyalty points are not here: the vendor
    /// answers them at `GET /customers/{user_id}/loyalty`.
    var creditBalance: Paise
    var createdAt: Date
    var modifiedAt: Date

    init(_ user: UserRecord) {
        id = user.id
        firstName = user.firstName
        lastName = user.lastName
        email = user.email
        isEmailVerified = user.isEmailVerified
        phone = user.phone
        countryCode = user.countryCode
        isPhoneVerified = user.isPhoneVerified
        profileImageUrl = user.profileImageUrl
        isAnonymous = user.isAnonymous
        isLoggedIn = !user.isAnonymous
        loginMethods = user.loginMethods
        notificationPreferences = user.notificationPreferences ?? .defaults
        creditBalance = Paise(user.creditBalance)
        createdAt = user.createdAt
        modifiedAt = user.modifiedAt
    }
}

/// `AnonymousUser` on the wire (`POST /auth/anonymous`): the reference's shorter shape, without country code,
/// login methods, notification preferences or balances.
struct AnonymousUserWire: Encodable, Sendable, Equatable {
    var id: String
    var isAnonymous: Bool
    var isLoggedIn: Bool
    @Null var firstName: String?
    @Null var lastName: String?
    @Null var phone: String?
    @Null var email: String?
    var isEmailVerified: Bool
    var isPhoneVerified: Bool
    @Null var profileImageUrl: String?
    var createdAt: Date
    var modifiedAt: Date

    init(_ user: UserRecord) {
        id = user.id
        isAnonymous = user.isAnonymous
        isLoggedIn = !user.isAnonymous
        firstName = user.firstName
        lastName = user.lastName
        phone = user.phone
        email = user.email
        isEmailVerified = user.isEmailVerified
        isPhoneVerified = user.isPhoneVerified
        profileImageUrl = user.profileImageUrl
        createdAt = user.createdAt
        modifiedAt = user.modifiedAt
    }
}
