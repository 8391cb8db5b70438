import Foundation
import GRDB
import Hummingbird

/// `/auth/...`: anonymous tokens, OTP login and registration, password login, refresh, logout.
/// The user's own settings are in ``UserRoutes``.
struct AuthRoutes {
    let services: SandboxServices
    var flow: AuthFlow { AuthFlow(services: services) }

    func register(on api: RouteGroups) {
        api.apiKey.post("auth/anonymous") { _, _ in try await anonymous() }
        api.open.post("auth/refresh-token") { request, context in try await refresh(request, context) }
        let group = api.customer
        group.post("auth/login/phone") { request, context in try await otpLogin(request, context, channel: .sms) }
        group.post("auth/login/whatsapp") { request, context in
            try await otpLogin(request, context, channel: .whatsapp)
        }
        group.post("auth/login/email") { request, context in try await otpLogin(request, context, channel: .email) }
        group.post("auth/login/password") { request, context in try await passwordLogin(request, context) }
        group.post("auth/register/phone") { request, context in try await otpRegister(request, context, .sms) }
        group.post("auth/register/whatsapp") { request, context in
            try await otpRegister(request, context, .whatsapp)
        }
        group.post("auth/register/email") { request, context in try await otpRegister(request, context, .email) }
        group.post("auth/register/password") { request, context in try await otpRegister(request, context, nil) }
        group.post("auth/verify-otp") { request, context in try await verifyOTP(request, context) }
        group.post("auth/generate-otp") { request, context in try await generateOTP(request, context) }
        group.post("auth/logout") { request, context in try await logout(request, context) }
        group.post("auth/forgot-password") { request, context in try await forgotPassword(request, context) }
        group.post("auth/reset-password") { request, context in try await resetPassword(request, context) }
    }

    // MARK: Tokens

    func anonymous() async throws -> Response {
        let now = services.now()
        let user = UserRecord.anonymous(id: IDs.make(now: now), now: now)
        try await services.database.write { db in try user.insert(db) }
        let tokens = try await flow.issueTokens(user)
        let content = TokensContent(
            user: AnonymousUserWire(user), accessToken: tokens.accessToken, refreshToken: tokens.refreshToken)
        return try Reply.ok(content, message: "Anonymous user created")
    }

    func refresh(_ request: Request, _ context: SandboxContext) async throws -> Response {
        var body = try await RequestBody.read(request, context: context)
        let token = body.requiredString("refresh_token")
        try body.validate()
        let now = services.now()
        let claims: TokenClaims
        do {
            claims = try await services.tokens.verify(token, type: "refresh", now: now)
        } catch .expired {
            throw APIError(status: .unauthorized, code: "TOKEN_EXPIRED", message: "Refresh token expired")
        } catch {
            throw APIError.unauthorized("Invalid refresh token")
        }
        let jti = claims.jti
        let userId = claims.userId
        // Rotation: a refresh token works once; marking it used is atomic with the check.
        let user = try await services.database.write { db -> UserRecord? in
            guard try UserStore.revokeRefreshTokens(db, Column("jti") == jti, now: now) == 1 else { return nil }
            return try UserRecord.fetchOne(db, key: userId)
        }
        guard let user, user.active else {
            throw APIError.unauthorized("Refresh token has already been used or was revoked")
        }
        let tokens = try await flow.issueTokens(user, session: claims.sessionId)
        return try Reply.ok(tokens.pair, message: "Token refreshed")
    }

    /// New anonymous tokens (a new anonymous user that keeps the cart); the session's refresh tokens stop working.
    func logout(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try context.requireSession()
        let now = services.now()
        let user = UserRecord.anonymous(id: IDs.make(now: now), now: now)
        let sessionId = session.claims.sessionId
        let previousUserId = session.userId
        try await services.database.write { db in
            try UserStore.revokeRefreshTokens(db, Column("session_id") == sessionId, now: now)
            try user.insert(db)
            try SessionCarryOver.handOver(db, from: previousUserId, to: user.id, now: now)
        }
        return try Reply.ok(try await flow.issueTokens(user), message: "Logged out")
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

    /// An OTP in the caller's session, with the configured resend cooldown.
    func newOTP(
        _ db: Database, _ session: Session, action: OTPAction, destination: OTPService.Destination,
        registration: RegistrationDetails? = nil, now: Date
    ) throws -> OTPRecord {
        try OTPService.create(
            cooldown: services.configuration.otpResendCooldown, db, sessionUserId: session.userId, action: action,
            destination: destination, registration: registration, now: now)
    }

    func otpLogin(_ request: Request, _ context: SandboxContext, channel: OTPChannel) async throws -> Response {
        let session = try context.requireSession()
        var body = try await RequestBody.read(request, context: context)
        var phone: String?
        var email: String?
        if channel == .email {
            email = body.requiredEmail()
        } else {
            phone = body.requiredPhone()
            _ = body.countryCode()
        }
        let registerIfMissing = body.bool("register_if_not_exists") ?? false
        try body.validate()
        let now = services.now()
        let otp = try await services.database.write { [phone, email] db -> OTPRecord in
            let existing = try UserStore.find(db, phone: phone, email: email)
            if let existing, !existing.active {
                throw APIError.forbidden("This account has been deactivated")
            }
            if existing == nil && !registerIfMissing {
                throw APIError.notFound("No user with this \(channel == .email ? "email" : "phone number")")
            }
            return try newOTP(
                db, session, action: existing == nil ? .register : .login,
                destination: .init(channel: channel, phone: phone, email: email),
                registration: existing == nil ? RegistrationDetails(email: email, phone: phone) : nil, now: now)
        }
        return try otpReply(otp, request)
    }

    /// Registration by OTP on `channel`, or with a password when `channel` is nil (OTP-first too: the code goes
    /// to the phone, else the email).
    func otpRegister(_ request: Request, _ context: SandboxContext, _ channel: OTPChannel?) async throws -> Response {
        let session = try context.requireSession()
        var body = try await RequestBody.read(request, context: context)
        // Password registration (RegisterWithEmailPassword | RegisterWithPhonePassword) has no name fields.
        let firstName = channel == nil ? body.string("first_name") : body.requiredString("first_name")
        let lastName = body.string("last_name")
        var phone: String?
        var email: String?
        var password: String?
        switch channel {
        case .email:
            email = body.requiredEmail()
            phone = body.optionalPhone()
        case nil:
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
        case .sms, .whatsapp:
            phone = body.requiredPhone()
            _ = body.countryCode()
            email = body.optionalEmail()
        }
        try body.validate()
        let now = services.now()
        let details = RegistrationDetails(
            firstName: firstName, lastName: lastName, email: email, phone: phone,
            password: password.map { PasswordHasher.hash($0) })
        let otp = try await services.database.write { [phone, email] db -> OTPRecord in
            try UserStore.requireUnregistered(db, phone: phone, email: email)
            return try newOTP(
                db, session, action: .register,
                destination: .init(
                    channel: channel ?? (phone != nil ? .sms : .email), phone: phone,
                    email: phone == nil ? email : nil),
                registration: details, now: now)
        }
        return try otpReply(otp, request)
    }

    func generateOTP(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try context.requireSession()
        var body = try await RequestBody.read(request, context: context)
        let channel = body.oneOf("channel", OTPChannel.allCases)
        let action = body.oneOf("otp_action", OTPAction.requestable.filter { $0 != .login })
        var phone: String?
        var email: String?
        if channel == .email {
            email = body.requiredEmail()
        } else if channel != nil {
            phone = body.requiredPhone()
            _ = body.countryCode()
        }
        try body.validate()
        // Both are required: `validate()` has refused a request without either.
        guard let channel, let action else { throw APIError.validation(field: "otp_action", "Is required") }
        let now = services.now()
        let otp = try await services.database.write { [phone, email] db -> OTPRecord in
            try newOTP(
                db, session, action: action,
                destination: .init(channel: channel, phone: phone, email: email),
                registration: RegistrationDetails(email: email, phone: phone), now: now)
        }
        return try otpReply(otp, request)
    }

    func verifyOTP(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try context.requireSession()
        var body = try await RequestBody.read(request, context: context)
        let code = body.requiredString("otp")
        let token = body.requiredString("otp_token")
        let action = body.oneOf("otp_action", OTPAction.requestable)
        if !code.isEmpty && !(code.count == 6 && code.allSatisfy(\.isNumber)) { body.fail("otp", "Must be 6 digits") }
        try body.validate()
        let now = services.now()
        let sessionUserId = session.userId
        let outcome = try await services.database.write { db -> Result<UserRecord, APIError> in
            // An OTP for changing a user's phone or email only works in that user's session (not even counted).
            if let otp = try OTPRecord.fetchOne(db, key: token), otp.sessionUserId != sessionUserId,
                otp.action.changesContact
            {
                return .failure(.forbidden("This OTP belongs to another session"))
            }
            switch try OTPService.check(db, token: token, code: code, action: action, now: now) {
            case .invalid(let error):
                return .failure(error)
            case .valid(let otp):
                do {
                    return .success(try AuthFlow.complete(otp, sessionUserId: sessionUserId, db: db, now: now))
                } catch let error as APIError {
                    return .failure(error)
                }
            }
        }
        let user = try outcome.get()
        return try Reply.ok(try await flow.issueTokens(user), message: "OTP verified")
    }

    // MARK: Passwords

    func passwordLogin(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try context.requireSession()
        var body = try await RequestBody.read(request, context: context)
        let email = body.optionalEmail()
        let phone = body.optionalPhone()
        let password = body.requiredString("password")
        if email == nil && phone == nil { body.fail("email", "Email or phone is required") }
        try body.validate()
        let now = services.now()
        let sessionUserId = session.userId
        let user = try await services.database.write { db -> UserRecord? in
            guard var user = try UserStore.find(db, phone: phone, email: email), user.active,
                let hash = user.passwordHash, PasswordHasher.verify(password, against: hash)
            else { return nil }
            if let session = try UserRecord.fetchOne(db, key: sessionUserId), session.isAnonymous {
                try SessionCarryOver.carryOver(db, from: session.id, to: user.id, now: now)
            }
            user.modifiedAt = now
            try user.update(db)
            return user
        }
        guard let user else {
            throw APIError(
                status: .unauthorized, code: "INVALID_CREDENTIALS", message: "Incorrect email/phone or password")
        }
        return try Reply.ok(try await flow.issueTokens(user), message: "Logged in")
    }

    func forgotPassword(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try context.requireSession()
        var body = try await RequestBody.read(request, context: context)
        let email = body.optionalEmail()
        let phone = body.optionalPhone()
        if email == nil && phone == nil { body.fail("email", "Email or phone is required") }
        try body.validate()
        let now = services.now()
        let otp = try await services.database.write { [phone, email] db -> OTPRecord in
            guard try UserStore.find(db, phone: phone, email: email) != nil else {
                throw APIError.notFound("No user with these details")
            }
            return try newOTP(
                db, session, action: .resetPassword,
                destination: .init(
                    channel: phone != nil ? .sms : .email, phone: phone, email: phone == nil ? email : nil),
                now: now)
        }
        return try otpReply(otp, request, withAction: false)
    }

    func resetPassword(_ request: Request, _ context: SandboxContext) async throws -> Response {
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
        let now = services.now()
        let outcome = try await services.database.write { db -> Result<UserRecord, APIError> in
            let check: OTPService.Check
            if let code {
                check = try OTPService.check(db, token: token, code: code, action: .resetPassword, now: now)
            } else if let otp = try OTPRecord.fetchOne(db, key: token), otp.action == .resetPasswordVerified,
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
            case .valid(var otp):
                try otp.updateChanges(db) { $0.action = .resetPasswordDone }
                guard var user = try UserStore.find(db, phone: otp.phone, email: otp.email) else {
                    return .failure(.notFound("User not found"))
                }
                user.passwordHash = PasswordHasher.hash(password)
                if !user.loginMethods.contains("password") { user.loginMethods.append("password") }
                user.modifiedAt = now
                try user.update(db)
                try UserStore.revokeRefreshTokens(db, Column("user_id") == user.id, now: now)
                return .success(user)
            }
        }
        let tokens = try await flow.issueTokens(try outcome.get())
        return try Reply.ok(tokens.pair, message: "Password reset")
    }
}
