import Foundation
import GRDB
import Hummingbird

/// `/auth/...`: anonymous tokens, OTP login and registration, password login, refresh, logout.
/// The user's own settings are in ``UserRoutes``.
struct AuthRoutes {
    let services: SandboxServices
    let auth: Authenticator

    func register(on group: RouterGroup<SandboxContext>) {
        group.post("auth/anonymous") { request, _ in try await anonymous(request) }
        group.post("auth/login/phone") { request, context in try await otpLogin(request, context, channel: "sms") }
        group.post("auth/login/whatsapp") { request, context in
            try await otpLogin(request, context, channel: "whatsapp")
        }
        group.post("auth/login/email") { request, context in try await otpLogin(request, context, channel: "email") }
        group.post("auth/login/password") { request, context in try await passwordLogin(request, context) }
        group.post("auth/register/phone") { request, context in try await otpRegister(request, context, "sms") }
        group.post("auth/register/whatsapp") { request, context in
            try await otpRegister(request, context, "whatsapp")
        }
        group.post("auth/register/email") { request, context in try await otpRegister(request, context, "email") }
        group.post("auth/register/password") { request, context in
            try await otpRegister(request, context, "password")
        }
        group.post("auth/verify-otp") { request, context in try await verifyOTP(request, context) }
        group.post("auth/generate-otp") { request, context in try await generateOTP(request, context) }
        group.post("auth/refresh-token") { request, context in try await refresh(request, context) }
        group.post("auth/logout") { request, _ in try await logout(request) }
        group.post("auth/forgot-password") { request, context in try await forgotPassword(request, context) }
        group.post("auth/reset-password") { request, context in try await resetPassword(request, context) }
    }

    struct TokensContent<User: Encodable & Sendable>: Encodable, Sendable {
        var user: User
        var accessToken: String
        var refreshToken: String
    }

    /// The reference's reset-password answer: the tokens alone, no user.
    struct BareTokens: Encodable, Sendable {
        var accessToken: String
        var refreshToken: String
    }

    struct OTPContent: Encodable, Sendable {
        var otpToken: String
        /// Left out by forgot password, whose documented answer is `{otp_token}` alone.
        var otpAction: String?
        /// Only with `x-debug-mode: true`.
        var otp: String?
    }

    // MARK: Tokens

    /// Issues and records a token pair for `user`.
    func issueTokens(_ user: UserRecord, session: String = IDs.make()) async throws -> TokensContent<UserWire> {
        let (pair, refresh) = try await services.tokens.issue(for: user, session: session, now: Date())
        try await services.database.write { db in try refresh.insert(db) }
        return TokensContent(user: UserWire(user), accessToken: pair.accessToken, refreshToken: pair.refreshToken)
    }

    func anonymous(_ request: Request) async throws -> Response {
        try auth.requireAPIKey(request)
        let now = Date()
        let user = UserRecord.anonymous(id: IDs.make(now: now), now: now)
        try await services.database.write { db in try user.insert(db) }
        let tokens = try await issueTokens(user)
        let content = TokensContent(
            user: AnonymousUserWire(user), accessToken: tokens.accessToken, refreshToken: tokens.refreshToken)
        return try Reply.ok(content, message: "Anonymous user created")
    }

    func refresh(_ request: Request, _ context: SandboxContext) async throws -> Response {
        var body = try await RequestBody.read(request, context: context)
        let token = body.requiredString("refresh_token")
        try body.validate()
        let claims: TokenClaims
        do {
            claims = try await services.tokens.verify(token, type: "refresh", now: Date())
        } catch .expired {
            throw APIError(status: .unauthorized, code: "TOKEN_EXPIRED", message: "Refresh token expired")
        } catch {
            throw APIError.unauthorized("Invalid refresh token")
        }
        let jti = claims.jti
        let userId = claims.userId
        let now = Date()
        // Rotation: a refresh token works once; marking it used is atomic with the check.
        let user = try await services.database.write { db -> UserRecord? in
            try db.execute(
                literal: "UPDATE refresh_token SET used_at = \(now) WHERE jti = \(jti) AND used_at IS NULL")
            guard db.changesCount == 1 else { return nil }
            return try UserRecord.fetchOne(db, key: userId)
        }
        guard let user, user.active else {
            throw APIError.unauthorized("Refresh token has already been used or was revoked")
        }
        let tokens = try await issueTokens(user, session: claims.sessionId)
        return try Reply.ok(
            ["access_token": tokens.accessToken, "refresh_token": tokens.refreshToken],
            message: "Token refreshed")
    }

    /// New anonymous tokens (a new anonymous user that keeps the cart); the session's refresh tokens stop working.
    func logout(_ request: Request) async throws -> Response {
        let session = try await auth.require(request)
        let now = Date()
        let user = UserRecord.anonymous(id: IDs.make(now: now), now: now)
        let sessionId = session.claims.sessionId
        let previousUserId = session.userId
        try await services.database.write { db in
            try db.execute(
                literal: "UPDATE refresh_token SET used_at = \(now) WHERE session_id = \(sessionId) AND used_at IS NULL"
            )
            try user.insert(db)
            try SessionCarryOver.handOver(db, from: previousUserId, to: user.id)
        }
        return try Reply.ok(try await issueTokens(user), message: "Logged out")
    }

    // MARK: OTP

    func debugMode(_ request: Request) -> Bool {
        request.header("x-debug-mode")?.lowercased() == "true"
    }

    func otpReply(_ otp: OTPRecord, _ request: Request, withAction: Bool = true) throws -> Response {
        try Reply.ok(
            OTPContent(
                otpToken: otp.token, otpAction: withAction ? otp.action : nil,
                otp: debugMode(request) ? otp.code : nil),
            message: "OTP sent")
    }

    static func findUser(_ db: Database, phone: String?, email: String?) throws -> UserRecord? {
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

    func otpLogin(_ request: Request, _ context: SandboxContext, channel: String) async throws -> Response {
        let session = try await auth.require(request)
        var body = try await RequestBody.read(request, context: context)
        var phone: String?
        var email: String?
        if channel == "email" {
            email = body.requiredEmail()
        } else {
            phone = body.requiredPhone()
            _ = body.countryCode()
        }
        let registerIfMissing = body.bool("register_if_not_exists") ?? false
        try body.validate()
        let now = Date()
        let otp = try await services.database.write { [phone, email] db -> OTPRecord in
            let existing = try Self.findUser(db, phone: phone, email: email)
            if let existing, !existing.active {
                throw APIError.forbidden("This account has been deactivated")
            }
            if existing == nil && !registerIfMissing {
                throw APIError.notFound("No user with this \(channel == "email" ? "email" : "phone number")")
            }
            return try OTPService.create(
                cooldown: services.configuration.otpResendCooldown,
                db, sessionUserId: session.userId, action: existing == nil ? "register" : "login",
                destination: .init(channel: channel, phone: phone, email: email),
                registration: existing == nil ? RegistrationDetails(email: email, phone: phone) : nil, now: now)
        }
        return try otpReply(otp, request)
    }

    func otpRegister(_ request: Request, _ context: SandboxContext, _ channel: String) async throws -> Response {
        let session = try await auth.require(request)
        var body = try await RequestBody.read(request, context: context)
        // Password registration (RegisterWithEmailPassword | RegisterWithPhonePassword) has no name fields.
        let firstName = channel == "password" ? body.string("first_name") : body.requiredString("first_name")
        let lastName = body.string("last_name")
        var phone: String?
        var email: String?
        var password: String?
        switch channel {
        case "email":
            email = body.requiredEmail()
            phone = body.optionalPhone()
        case "password":
            email = body.optionalEmail()
            phone = body.optionalPhone()
            if email == nil && phone == nil { body.fail("email", "Email or phone is required") }
            password = body.requiredString("password")
            if let password, !password.isEmpty, password.count < 8 {
                body.fail("password", "Must be at least 8 characters")
            }
            let confirmation = body.requiredString("confirm_password")
            if body.has("confirm_password"), let password, confirmation != password {
                body.fail("confirm_password", "Does not match password")
            }
        default:
            phone = body.requiredPhone()
            _ = body.countryCode()
            email = body.optionalEmail()
        }
        try body.validate()
        let now = Date()
        let details = RegistrationDetails(
            firstName: firstName, lastName: lastName, email: email, phone: phone,
            password: password.map { PasswordHasher.hash($0) })
        let otp = try await services.database.write { [phone, email] db -> OTPRecord in
            try Self.requireUnregistered(db, phone: phone, email: email)
            return try OTPService.create(
                cooldown: services.configuration.otpResendCooldown,
                db, sessionUserId: session.userId, action: "register",
                // Password registration is OTP-first too: the code goes to the phone, else the email.
                destination: .init(
                    channel: channel == "password" ? (phone != nil ? "sms" : "email") : channel, phone: phone,
                    email: phone == nil ? email : nil),
                registration: details, now: now)
        }
        return try otpReply(otp, request)
    }

    static func requireUnregistered(_ db: Database, phone: String?, email: String?) throws {
        if let phone, try findUser(db, phone: phone, email: nil) != nil {
            throw APIError.conflict("A user with this phone number already exists")
        }
        if let email, try findUser(db, phone: nil, email: email) != nil {
            throw APIError.conflict("A user with this email already exists")
        }
    }

    /// The anonymous session becomes the registered user, so its cart and wishlist stay.
    static func registerUser(
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

    static let otpActions = [
        "login", "register", "reset-password", "verify-phone", "verify-email", "update-phone", "update-email",
    ]

    func generateOTP(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try await auth.require(request)
        var body = try await RequestBody.read(request, context: context)
        let channel = body.oneOf("channel", ["sms", "whatsapp", "email"])
        let action = body.oneOf("otp_action", Self.otpActions.filter { $0 != "login" })
        var phone: String?
        var email: String?
        if channel == "email" {
            email = body.requiredEmail()
        } else if channel != nil {
            phone = body.requiredPhone()
            _ = body.countryCode()
        }
        try body.validate()
        let now = Date()
        let otp = try await services.database.write { [phone, email] db -> OTPRecord in
            try OTPService.create(
                cooldown: services.configuration.otpResendCooldown,
                db, sessionUserId: session.userId, action: action ?? "",
                destination: .init(channel: channel ?? "sms", phone: phone, email: email),
                registration: RegistrationDetails(email: email, phone: phone), now: now)
        }
        return try otpReply(otp, request)
    }

    func verifyOTP(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try await auth.require(request)
        var body = try await RequestBody.read(request, context: context)
        let code = body.requiredString("otp")
        let token = body.requiredString("otp_token")
        let action = body.oneOf("otp_action", Self.otpActions) ?? ""
        if !code.isEmpty && !(code.count == 6 && code.allSatisfy(\.isNumber)) { body.fail("otp", "Must be 6 digits") }
        try body.validate()
        let now = Date()
        let sessionUserId = session.userId
        let outcome = try await services.database.write { db -> Result<UserRecord, APIError> in
            // An OTP for changing a user's phone or email only works in that user's session (not even counted).
            if let otp = try OTPRecord.fetchOne(db, key: token), otp.sessionUserId != sessionUserId,
                ["verify-phone", "verify-email", "update-phone", "update-email"].contains(otp.action)
            {
                return .failure(.forbidden("This OTP belongs to another session"))
            }
            switch try OTPService.check(db, token: token, code: code, action: action, now: now) {
            case .invalid(let error):
                return .failure(error)
            case .valid(let otp):
                do {
                    return .success(try Self.complete(otp, sessionUserId: sessionUserId, db: db, now: now))
                } catch let error as APIError {
                    return .failure(error)
                }
            }
        }
        let user = try outcome.get()
        return try Reply.ok(try await issueTokens(user), message: "OTP verified")
    }

    /// What a verified OTP does, by action. Returns the user to issue tokens for.
    static func complete(_ otp: OTPRecord, sessionUserId: String, db: Database, now: Date) throws -> UserRecord {
        let loginMethod = otp.channel == "email" ? "email" : (otp.channel == "whatsapp" ? "whatsapp" : "phone")
        switch otp.action {
        case "login":
            guard var user = try findUser(db, phone: otp.phone, email: otp.email) else {
                throw APIError.notFound("User not found")
            }
            if let session = try UserRecord.fetchOne(db, key: sessionUserId), session.isAnonymous {
                try SessionCarryOver.carryOver(db, from: session.id, to: user.id)
            }
            if otp.phone != nil { user.isPhoneVerified = true } else { user.isEmailVerified = true }
            if !user.loginMethods.contains(loginMethod) { user.loginMethods.append(loginMethod) }
            user.modifiedAt = now
            try user.update(db)
            return user
        case "register":
            if try findUser(db, phone: otp.phone, email: otp.phone == nil ? otp.email : nil) != nil {
                throw APIError.conflict("User already registered")
            }
            let details = otp.registration ?? RegistrationDetails()
            return try registerUser(
                db, details, sessionUserId: sessionUserId, verifiedPhone: otp.phone != nil,
                verifiedEmail: otp.phone == nil && otp.email != nil,
                loginMethods: [loginMethod] + (details.password != nil ? ["password"] : []), now: now)
        case "verify-phone", "verify-email", "update-phone", "update-email":
            guard var user = try UserRecord.fetchOne(db, key: otp.sessionUserId) else {
                throw APIError.notFound("User not found")
            }
            guard sessionUserId == otp.sessionUserId else { throw APIError.forbidden("OTP belongs to another session") }
            if let phone = otp.phone {
                if let other = try findUser(db, phone: phone, email: nil), other.id != user.id {
                    throw APIError.conflict("Phone number belongs to another user")
                }
                user.phone = phone
                user.isPhoneVerified = true
            } else if let email = otp.email {
                if let other = try findUser(db, phone: nil, email: email), other.id != user.id {
                    throw APIError.conflict("Email belongs to another user")
                }
                user.email = email
                user.isEmailVerified = true
            }
            user.modifiedAt = now
            try user.update(db)
            return user
        default:
            // reset-password: the OTP proves the account; the caller is logged in and may now call
            // /auth/reset-password with this otp_token (without the code).
            guard let user = try findUser(db, phone: otp.phone, email: otp.email), user.active else {
                throw APIError.notFound("User not found")
            }
            try db.execute(literal: "UPDATE otp SET action = 'reset-password-verified' WHERE token = \(otp.token)")
            return user
        }
    }

    // MARK: Passwords

    func passwordLogin(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try await auth.require(request)
        var body = try await RequestBody.read(request, context: context)
        let email = body.optionalEmail()
        let phone = body.optionalPhone()
        let password = body.requiredString("password")
        if email == nil && phone == nil { body.fail("email", "Email or phone is required") }
        try body.validate()
        let now = Date()
        let sessionUserId = session.userId
        let user = try await services.database.write { db -> UserRecord? in
            guard var user = try Self.findUser(db, phone: phone, email: email), user.active,
                let hash = user.passwordHash, PasswordHasher.verify(password, against: hash)
            else { return nil }
            if let session = try UserRecord.fetchOne(db, key: sessionUserId), session.isAnonymous {
                try SessionCarryOver.carryOver(db, from: session.id, to: user.id)
            }
            user.modifiedAt = now
            try user.update(db)
            return user
        }
        guard let user else {
            throw APIError(
                status: .unauthorized, code: "INVALID_CREDENTIALS", message: "Incorrect email/phone or password")
        }
        return try Reply.ok(try await issueTokens(user), message: "Logged in")
    }

    func forgotPassword(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try await auth.require(request)
        var body = try await RequestBody.read(request, context: context)
        let email = body.optionalEmail()
        let phone = body.optionalPhone()
        if email == nil && phone == nil { body.fail("email", "Email or phone is required") }
        try body.validate()
        let now = Date()
        let otp = try await services.database.write { [phone, email] db -> OTPRecord in
            guard try Self.findUser(db, phone: phone, email: email) != nil else {
                throw APIError.notFound("No user with these details")
            }
            return try OTPService.create(
                cooldown: services.configuration.otpResendCooldown,
                db, sessionUserId: session.userId, action: "reset-password",
                destination: .init(
                    channel: phone != nil ? "sms" : "email", phone: phone, email: phone == nil ? email : nil),
                now: now)
        }
        return try otpReply(otp, request, withAction: false)
    }

    func resetPassword(_ request: Request, _ context: SandboxContext) async throws -> Response {
        _ = try await auth.require(request)
        var body = try await RequestBody.read(request, context: context)
        let token = body.requiredString("otp_token")
        // Either the code here, or an OTP token already verified through /auth/verify-otp.
        let code = body.string("otp")
        let password = body.requiredString("new_password")
        if !password.isEmpty && password.count < 8 { body.fail("new_password", "Must be at least 8 characters") }
        if let confirm = body.string("confirm_password"), confirm != password {
            body.fail("confirm_password", "Does not match new_password")
        }
        try body.validate()
        let now = Date()
        let outcome = try await services.database.write { db -> Result<UserRecord, APIError> in
            let check: OTPService.Check
            if let code {
                check = try OTPService.check(db, token: token, code: code, action: "reset-password", now: now)
            } else if let otp = try OTPRecord.fetchOne(db, key: token), otp.action == "reset-password-verified",
                otp.expiresAt > now
            {
                check = .valid(otp)
            } else {
                check = .invalid(
                    APIError(
                        status: .badRequest, code: "INVALID_OTP_TOKEN",
                        message: "OTP token is not verified for a password reset (or was used)",
                        details: [FieldIssue(field: "otp", message: "Required unless the OTP was verified")]))
            }
            switch check {
            case .invalid(let error):
                return .failure(error)
            case .valid(let otp):
                try db.execute(literal: "UPDATE otp SET action = 'reset-password-done' WHERE token = \(otp.token)")
                guard var user = try Self.findUser(db, phone: otp.phone, email: otp.email) else {
                    return .failure(.notFound("User not found"))
                }
                user.passwordHash = PasswordHasher.hash(password)
                if !user.loginMethods.contains("password") { user.loginMethods.append("password") }
                user.modifiedAt = now
                try user.update(db)
                try db.execute(
                    literal: "UPDATE refresh_token SET used_at = \(now) WHERE user_id = \(user.id) AND used_at IS NULL")
                return .success(user)
            }
        }
        let tokens = try await issueTokens(try outcome.get())
        return try Reply.ok(
            BareTokens(accessToken: tokens.accessToken, refreshToken: tokens.refreshToken), message: "Password reset")
    }
}
