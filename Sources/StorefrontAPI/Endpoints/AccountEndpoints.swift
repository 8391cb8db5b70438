import Foundation

extension StorefrontClient {
    public func user() async throws(APIError) -> User {
        let id = try await userID()
        let content: UserContent = try await get("/auth/user/\(id)")
        return content.user
    }

    public func updateUser(_ update: UserUpdate) async throws(APIError) -> User {
        let id = try await userID()
        let content: UserContent = try await send("PUT", "/auth/user/\(id)", body: update)
        return content.user
    }

    public func changePassword(old: String, new: String) async throws(APIError) {
        struct Body: Encodable, Sendable {
            var oldPassword: String
            var newPassword: String
            var confirmPassword: String
        }
        let content: OptionalTokens = try await send(
            "POST", "/auth/change-password", body: Body(oldPassword: old, newPassword: new, confirmPassword: new))
        if let tokens = content.tokens { adopt(tokens) }
    }

    public func notificationPreferences() async throws(APIError) -> NotificationPreferences {
        let id = try await userID()
        let content: NotificationPreferencesContent = try await get("/auth/user/\(id)/notification-preferences")
        return content.notificationPreferences
    }

    /// Creates (`POST`) or updates (`PUT`) the preferences.
    public func saveNotificationPreferences(_ preferences: NotificationPreferences, create: Bool = false)
        async throws(APIError) -> NotificationPreferences
    {
        let id = try await userID()
        struct Body: Encodable, Sendable { var notificationPreferences: NotificationPreferences }
        let content: NotificationPreferencesContent = try await send(
            create ? "POST" : "PUT", "/auth/user/\(id)/notification-preferences",
            body: Body(notificationPreferences: preferences))
        return content.notificationPreferences
    }

    public func verificationStatus(phones: [String] = [], emails: [String] = []) async throws(APIError)
        -> VerificationStatus
    {
        struct Body: Encodable, Sendable {
            var phone: [String]?
            var email: [String]?
        }
        return try await send(
            "POST", "/auth/verified-email-phone",
            body: Body(phone: phones.isEmpty ? nil : phones, email: emails.isEmpty ? nil : emails))
    }

    /// Deactivates the account, then starts a fresh anonymous session.
    public func deactivateAccount() async throws(APIError) {
        let id = try await userID()
        let _: EmptyContent = try await send("PUT", "/auth/user/\(id)/deactivate", body: Optional<EmptyContent>.none)
        clearSession()
    }

    public func profileImage() async throws(APIError) -> String? {
        let id = try await userID()
        let content: ProfileImageContent = try await get("/auth/user/\(id)/profile-image")
        return content.profileImageUrl
    }

    /// Uploads the image file at `path` as the profile image: `multipart/form-data` with the file in the part
    /// `image`, added (`POST`) or replaced (`PUT`). The file is checked first (``ProfileImageFile``): a PNG,
    /// JPEG, GIF or WebP of at most 2 MB, so a wrong file is refused here with a sentence, not by the store.
    public func setProfileImage(fileAt path: String, replace: Bool) async throws(APIError) -> String? {
        let file = try ProfileImageFile.read(path)
        let id = try await userID()
        let form = MultipartForm(fields: [], files: [(name: "image", file: file)])
        let content: ProfileImageContent = try await sendForm(
            replace ? "PUT" : "POST", "/auth/user/\(id)/profile-image", form: form)
        return content.profileImageUrl
    }

    public func deleteProfileImage() async throws(APIError) {
        let id = try await userID()
        let _: EmptyContent = try await send(
            "DELETE", "/auth/user/\(id)/profile-image", body: Optional<EmptyContent>.none)
    }
}
