import Foundation
import GRDB
import Hummingbird

/// The caller's own user: details, password change, notification preferences, verification lookup,
/// deactivation and profile image. `{id}` must be the caller (403 otherwise).
struct UserRoutes {
    let services: SandboxServices

    func register(on api: RouteGroups) {
        api.signedIn.post("auth/change-password") { request, context in try await changePassword(request, context) }
        let group = api.customer
        group.get("auth/user/:id") { request, context in try await getUser(request, context) }
        group.put("auth/user/:id") { request, context in try await updateUser(request, context) }
        group.get("auth/user/:id/notification-preferences") { request, context in
            try await getPreferences(request, context)
        }
        group.post("auth/user/:id/notification-preferences") { request, context in
            try await setPreferences(request, context, created: true)
        }
        group.put("auth/user/:id/notification-preferences") { request, context in
            try await setPreferences(request, context, created: false)
        }
        group.post("auth/verified-email-phone") { request, context in try await verifiedEmailPhone(request, context) }
        group.put("auth/user/:id/deactivate") { request, context in try await deactivate(request, context) }
        group.get("auth/user/:id/profile-image") { request, context in try await profileImage(request, context) }
        group.post("auth/user/:id/profile-image") { request, context in
            try await setProfileImage(request, context)
        }
        group.put("auth/user/:id/profile-image") { request, context in
            try await setProfileImage(request, context)
        }
        group.delete("auth/user/:id/profile-image") { request, context in
            try await deleteProfileImage(request, context)
        }
    }

    /// The caller, when `{id}` is the caller.
    func ownUser(_ request: Request, _ context: SandboxContext) async throws -> (Session, UserRecord) {
        let session = try context.requireSession()
        let id = try context.parameters.require("id")
        try Authenticator.requireSelf(session, id)
        guard let user = try await services.database.read({ db in try UserRecord.fetchOne(db, key: id) }) else {
            throw APIError.notFound("User not found")
        }
        return (session, user)
    }

    func getUser(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let (_, user) = try await ownUser(request, context)
        return try Reply.ok(["user": UserWire(user)], message: "User retrieved")
    }

    func updateUser(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let (_, current) = try await ownUser(request, context)
        var body = try await RequestBody.read(request, context: context)
        // The reference marks these required (each may be null: null leaves first name, email and phone as they
        // are and clears the last name).
        for key in ["first_name", "last_name", "email", "phone"] where !body.present(key) {
            body.fail(key, "Is required (send null to leave it unset)")
        }
        let firstName = body.string("first_name")
        let lastName = body.string("last_name")
        let email = body.optionalEmail()
        let phone = body.optionalPhone()
        if body.has("first_name") && (firstName ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            body.fail("first_name", "Must not be empty")
        }
        let lastNameGiven = body.present("last_name")
        try body.validate()
        let now = services.now()
        let user = try await services.database.write { db -> UserRecord in
            var user = try UserRecord.fetchOne(db, key: current.id) ?? current
            if let firstName { user.firstName = firstName }
            if lastNameGiven { user.lastName = lastName }
            if let email, email.lowercased() != user.email?.lowercased() {
                if try UserStore.find(db, phone: nil, email: email) != nil {
                    throw APIError.conflict("A user with this email already exists")
                }
                user.email = email
                user.isEmailVerified = false
            }
            if let phone, phone != user.phone {
                if try UserStore.find(db, phone: phone, email: nil) != nil {
                    throw APIError.conflict("A user with this phone number already exists")
                }
                user.phone = phone
                user.countryCode = "+91"
                user.isPhoneVerified = false
            }
            user.modifiedAt = now
            try user.update(db)
            return user
        }
        return try Reply.ok(["user": UserWire(user)], message: "User updated")
    }

    func changePassword(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try context.requireSession()
        var body = try await RequestBody.read(request, context: context)
        let old = body.requiredString("old_password")
        let new = body.requiredString("new_password")
        if !new.isEmpty && new.count < 8 { body.fail("new_password", "Must be at least 8 characters") }
        if let confirm = body.string("confirm_password"), confirm != new {
            body.fail("confirm_password", "Does not match new_password")
        }
        try body.validate()
        let userId = session.userId
        let now = services.now()
        let user = try await services.database.write { db -> UserRecord? in
            guard var user = try UserRecord.fetchOne(db, key: userId), let hash = user.passwordHash,
                PasswordHasher.verify(old, against: hash)
            else { return nil }
            user.passwordHash = PasswordHasher.hash(new)
            user.modifiedAt = now
            try user.update(db)
            return user
        }
        guard let user else {
            throw APIError(status: .unauthorized, code: "INVALID_CREDENTIALS", message: "Old password is incorrect")
        }
        let tokens = try await AuthFlow(services: services).issueTokens(user, session: session.claims.sessionId)
        return try Reply.ok(
            ["access_token": tokens.accessToken, "refresh_token": tokens.refreshToken], message: "Password changed")
    }

    func getPreferences(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let (_, user) = try await ownUser(request, context)
        return try Reply.ok(
            ["notification_preferences": user.notificationPreferences ?? .defaults],
            message: "Notification preferences retrieved")
    }

    func setPreferences(_ request: Request, _ context: SandboxContext, created: Bool) async throws -> Response {
        let (_, current) = try await ownUser(request, context)
        var body = try await RequestBody.read(request, context: context, allowEmpty: false)
        // `{notification_preferences: {transactional?, promotional?, newsletter?}}`, as the reference requires.
        if !body.has("notification_preferences") { body.fail("notification_preferences", "Is required (an object)") }
        var source = body.object("notification_preferences") ?? RequestBody(fields: [:])
        var preferences = current.notificationPreferences ?? .defaults
        func group(_ key: String, _ value: inout ChannelPreferences) {
            guard var nested = source.object(key) else { return }
            for channel in ["email", "sms", "whatsapp"] {
                if nested.has(channel) {
                    let flag = nested.bool(channel)
                    switch channel {
                    case "email": value.email = flag ?? value.email
                    case "sms": value.sms = flag ?? value.sms
                    default: value.whatsapp = flag ?? value.whatsapp
                    }
                }
            }
            for issue in nested.issues {
                source.fail("notification_preferences.\(key).\(issue.field)", issue.message)
            }
        }
        group("transactional", &preferences.transactional)
        group("promotional", &preferences.promotional)
        group("newsletter", &preferences.newsletter)
        body.absorb(source)
        try body.validate()
        let saved = preferences
        let now = services.now()
        try await services.database.write { db in
            try current.update(db, columns: ["notification_preferences", "modified_at"]) {
                $0.notificationPreferences = saved
                $0.modifiedAt = now
            }
        }
        return try Reply.ok(
            ["notification_preferences": saved],
            message: created ? "Notification preferences created" : "Notification preferences updated")
    }

    func verifiedEmailPhone(_ request: Request, _ context: SandboxContext) async throws -> Response {
        var body = try await RequestBody.read(request, context: context)
        func strings(_ key: String) -> [String] {
            guard let values = body.array(key) else { return [] }
            var result: [String] = []
            for (index, value) in values.enumerated() {
                if case .string(let text) = value {
                    result.append(text)
                } else {
                    body.fail("\(key)[\(index)]", "Must be a string")
                }
            }
            return result
        }
        let phones = strings("phone")
        let emails = strings("email")
        try body.validate()
        let result = try await services.database.read { db -> [String: [String]] in
            let verifiedPhones = try phones.filter {
                try Bool.fetchOne(
                    db, sql: "SELECT 1 FROM user WHERE phone = ? AND is_phone_verified = 1 AND is_anonymous = 0",
                    arguments: [$0]) ?? false
            }
            let verifiedEmails = try emails.filter {
                try Bool.fetchOne(
                    db,
                    sql:
                        "SELECT 1 FROM user WHERE lower(email) = lower(?) AND is_email_verified = 1 AND is_anonymous = 0",
                    arguments: [$0]) ?? false
            }
            return ["verified_phone": verifiedPhones, "verified_email": verifiedEmails]
        }
        return try Reply.ok(result, message: "Verification status retrieved")
    }

    func deactivate(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let (_, user) = try await ownUser(request, context)
        guard !user.isAnonymous else { throw APIError.badRequest("Anonymous users cannot be deactivated") }
        let now = services.now()
        try await services.database.write { db in
            try user.update(db, columns: ["active", "modified_at"]) {
                $0.active = false
                $0.modifiedAt = now
            }
            try UserStore.revokeRefreshTokens(db, Column("user_id") == user.id, now: now)
        }
        return try Reply.message("Account deactivated")
    }

    func profileImage(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let (_, user) = try await ownUser(request, context)
        guard let url = user.profileImageUrl else { throw APIError.notFound("No profile image") }
        return try Reply.ok(["profile_image_url": url], message: "Profile image retrieved")
    }

    /// `multipart/form-data` with an `image` file part (PNG, JPEG, GIF or WebP, at most 2 MB), as the reference
    /// declares; anything else is a 400 naming `image`. Answers `{profile_image_url}`.
    func setProfileImage(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let (_, user) = try await ownUser(request, context)
        let (kind, data) = try await ProfileImages.upload(request)
        let url = try await ProfileImages(services: services).store(data, kind: kind, userId: user.id, request: request)
        return try Reply.ok(["profile_image_url": url], message: "Profile image saved")
    }

    func deleteProfileImage(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let (_, user) = try await ownUser(request, context)
        try await services.database.write { db in
            try user.update(db, columns: ["profile_image_url"]) { $0.profileImageUrl = nil }
            try db.execute(literal: "DELETE FROM profile_image WHERE user_id = \(user.id)")
        }
        return try Reply.message("Profile image removed")
    }
}
