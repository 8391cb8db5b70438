import Foundation
import GRDB

/// The registered users: finding one by phone or email, refusing a taken phone or email, turning the anonymous
/// session into a registered user, and revoking refresh tokens.
enum UserStore {
    /// The registered (not anonymous) user with this phone, else with this email (case-insensitive).
    static func find(_ db: Database, phone: String?, email: String?) throws -> UserRecord? {
        if let phone {
            return try UserRecord.fetchOne(
                db, sql: "SELECT * FROM user WHERE phone = ? AND is_anonymous = 0", arguments: [phone])
        }
        if let email {
            return try UserRecord.fetchOne(
                db, sql: "SELECT * FROM user WHERE lower(email) = lower(?) AND is_anonymous = 0", arguments: [email])
        }
        return nil
    }

    static func requireUnregistered(_ db: Database, phone: String?, email: String?) throws {
        if let phone, try find(db, phone: phone, email: nil) != nil {
            throw APIError.conflict("A user with this phone number already exists")
        }
        if let email, try find(db, phone: nil, email: email) != nil {
            throw APIError.conflict("A user with this email already exists")
        }
    }

    /// The anonymous session becomes the registered user, so its cart and wishlist stay.
    static func register(
        _ db: Database, _ details: RegistrationDetails, sessionUserId: String, verifiedPhone: Bool,
        verifiedEmail: Bool, loginMethods: [String], now: Date
    ) throws -> UserRecord {
        var user: UserRecord
        if let session = try UserRecord.fetchOne(db, key: sessionUserId), session.isAnonymous {
            user = session
        } else {
            user = UserRecord.anonymous(id: IDs.make(now: now), now: now)
            try user.insert(db)
        }
        user.isAnonymous = false
        user.firstName = details.firstName
        user.lastName = details.lastName
        user.phone = details.phone
        user.email = details.email
        user.countryCode = details.phone == nil ? nil : "+91"
        user.isPhoneVerified = verifiedPhone
        user.isEmailVerified = verifiedEmail
        user.passwordHash = details.password
        user.loginMethods = loginMethods
        user.notificationPreferences = .defaults
        user.customerId = user.id
        user.modifiedAt = now
        try user.update(db)
        return user
    }

    /// Marks the unused refresh tokens that `filter` selects used, so they stop working; returns how many.
    @discardableResult
    static func revokeRefreshTokens(_ db: Database, _ filter: SQLExpression, now: Date) throws -> Int {
        try RefreshTokenRecord.filter(filter && Column("used_at") == nil).updateAll(db, Column("used_at").set(to: now))
    }
}
