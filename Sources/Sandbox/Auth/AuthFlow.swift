import Foundation
import GRDB

/// Signing in: the token pairs a sign-in answers with, and what a verified OTP does, by its action.
struct AuthFlow: Sendable {
    let services: SandboxServices

    /// Issues and records a token pair for `user` (in `session`, or a new one).
    func issueTokens(_ user: UserRecord, session: String? = nil) async throws -> TokensContent<UserWire> {
        let now = services.now()
        let (pair, refresh) = try await services.tokens.issue(
            for: user, session: session ?? IDs.make(now: now), now: now)
        try await services.database.write { db in try refresh.insert(db) }
        return TokensContent(user: UserWire(user), accessToken: pair.accessToken, refreshToken: pair.refreshToken)
    }

    /// What a verified OTP does, by action. Returns the user to issue tokens for.
    static func complete(_ otp: OTPRecord, sessionUserId: String, db: Database, now: Date) throws -> UserRecord {
        let loginMethod = otp.channel.loginMethod
        switch otp.action {
        case .login:
            guard var user = try UserStore.find(db, phone: otp.phone, email: otp.email) else {
                throw APIError.notFound("User not found")
            }
            if let session = try UserRecord.fetchOne(db, key: sessionUserId), session.isAnonymous {
                try SessionCarryOver.carryOver(db, from: session.id, to: user.id, now: now)
            }
            if otp.phone != nil { user.isPhoneVerified = true } else { user.isEmailVerified = true }
            if !user.loginMethods.contains(loginMethod) { user.loginMethods.append(loginMethod) }
            user.modifiedAt = now
            try user.update(db)
            return user
        case .register:
            if try UserStore.find(db, phone: otp.phone, email: otp.phone == nil ? otp.email : nil) != nil {
                throw APIError.conflict("User already registered")
            }
            let details = otp.registration ?? RegistrationDetails()
            return try UserStore.register(
                db, details, sessionUserId: sessionUserId, verifiedPhone: otp.phone != nil,
                verifiedEmail: otp.phone == nil && otp.email != nil,
                loginMethods: [loginMethod] + (details.password != nil ? ["password"] : []), now: now)
        case .verifyPhone, .verifyEmail, .updatePhone, .updateEmail:
            return try changeContact(otp, sessionUserId: sessionUserId, db: db, now: now)
        case .resetPassword, .resetPasswordVerified, .resetPasswordDone:
            // reset-password (a request never names the other two): the OTP proves the account; the caller is
            // logged in and may now call /auth/reset-password with this otp_token (without the code).
            guard let user = try UserStore.find(db, phone: otp.phone, email: otp.email), user.active else {
                throw APIError.notFound("User not found")
            }
            var otp = otp
            try otp.updateChanges(db) { $0.action = .resetPasswordVerified }
            return user
        }
    }

    /// A verified phone or email of the session's own user (verify or update).
    private static func changeContact(_ otp: OTPRecord, sessionUserId: String, db: Database, now: Date) throws
        -> UserRecord
    {
        guard var user = try UserRecord.fetchOne(db, key: otp.sessionUserId) else {
            throw APIError.notFound("User not found")
        }
        guard sessionUserId == otp.sessionUserId else { throw APIError.forbidden("OTP belongs to another session") }
        if let phone = otp.phone {
            if let other = try UserStore.find(db, phone: phone, email: nil), other.id != user.id {
                throw APIError.conflict("Phone number belongs to another user")
            }
            user.phone = phone
            user.isPhoneVerified = true
        } else if let email = otp.email {
            if let other = try UserStore.find(db, phone: nil, email: email), other.id != user.id {
                throw APIError.conflict("Email belongs to another user")
            }
            user.email = email
            user.isEmailVerified = true
        }
        user.modifiedAt = now
        try user.update(db)
        return user
    }
}
