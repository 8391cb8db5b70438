import Foundation
import Testing

@testable import Sandbox

@Suite("Auth over HTTP: OTP, tokens, user")
struct AuthHTTPTests {
    @Test func demoCustomerLogsInWithPhoneOTP() async throws {
        try await TestSandbox.with { sandbox in
            let (access, _, userId) = try await sandbox.loginWithPhone()
            let me = try await sandbox.get("/auth/user/\(userId)", token: access)
            #expect(me.status == 200)
            #expect(me.content["user"]["phone"].string == "9876543210")
            #expect(me.content["user"]["email"].string == "demo@example.com")
            #expect(me.content["user"]["is_logged_in"].bool == true)
            #expect(me.content["user"]["is_anonymous"].bool == false)
        }
    }

    @Test func otpIsOnlyShownInDebugModeAndUnknownPhoneNeedsRegistration() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, _) = try await sandbox.anonymous()
            let quiet = try await sandbox.post("/auth/login/phone", #"{"phone":"9876543210"}"#, token: token)
            #expect(quiet.status == 200)
            #expect(quiet.content["otp"].isNull)
            #expect(quiet.content["otp_action"].string == "login")
            let unknown = try await sandbox.post("/auth/login/phone", #"{"phone":"9000000001"}"#, token: token)
            #expect(unknown.status == 404)
            let invalid = try await sandbox.post("/auth/login/phone", #"{"phone":"12345"}"#, token: token)
            #expect(invalid.status == 400)
            #expect(invalid.body["details"][0]["field"].string == "phone")
            let noToken = try await sandbox.post("/auth/login/phone", #"{"phone":"9876543210"}"#)
            #expect(noToken.status == 401)
        }
    }

    @Test func otpAllowsFiveTriesThenLocksAndHasAResendCooldown() async throws {
        // A cooldown no run of this test outlasts (the default 30 s passed on a loaded machine before the resend).
        try await TestSandbox.with({ $0.otpResendCooldown = 3_600 }) { sandbox in
            let (token, _, _) = try await sandbox.anonymous()
            let login = try await sandbox.post(
                "/auth/login/phone", #"{"phone":"9876543210"}"#, token: token, headers: ["x-debug-mode": "true"])
            let otp = try #require(login.content["otp"].string)
            #expect(otp.count == 6)
            let otpToken = try #require(login.content["otp_token"].string)
            let wrong = otp == "000000" ? "111111" : "000000"
            for attempt in 1...5 {
                let response = try await sandbox.post(
                    "/auth/verify-otp", #"{"otp":"\#(wrong)","otp_token":"\#(otpToken)","otp_action":"login"}"#,
                    token: token)
                #expect(response.status == 400, "attempt \(attempt)")
                #expect(response.code == "INVALID_OTP")
            }
            let locked = try await sandbox.post(
                "/auth/verify-otp", #"{"otp":"\#(otp)","otp_token":"\#(otpToken)","otp_action":"login"}"#, token: token)
            #expect(locked.status == 429)
            #expect(locked.code == "OTP_ATTEMPTS_EXCEEDED")

            let resend = try await sandbox.post("/auth/login/phone", #"{"phone":"9876543210"}"#, token: token)
            #expect(resend.status == 429)
        }
    }

    @Test func otpCannotBeReused() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, _) = try await sandbox.anonymous()
            let login = try await sandbox.post(
                "/auth/login/email", #"{"email":"demo@example.com"}"#, token: token, headers: ["x-debug-mode": "true"])
            let otp = try #require(login.content["otp"].string)
            let otpToken = try #require(login.content["otp_token"].string)
            let body = #"{"otp":"\#(otp)","otp_token":"\#(otpToken)","otp_action":"login"}"#
            let first = try await sandbox.post("/auth/verify-otp", body, token: token)
            #expect(first.status == 200)
            #expect(first.content["user"]["email"].string == "demo@example.com")
            let again = try await sandbox.post("/auth/verify-otp", body, token: token)
            #expect(again.status == 400)
            #expect(again.code == "OTP_USED")
        }
    }

    @Test func refreshRotatesAndRejectsTheOldRefreshToken() async throws {
        try await TestSandbox.with { sandbox in
            let (_, refresh, userId) = try await sandbox.anonymous()
            let first = try await sandbox.post("/auth/refresh-token", #"{"refresh_token":"\#(refresh)"}"#)
            #expect(first.status == 200)
            let newAccess = try #require(first.content["access_token"].string)
            let newRefresh = try #require(first.content["refresh_token"].string)
            #expect(newRefresh != refresh)
            let reused = try await sandbox.post("/auth/refresh-token", #"{"refresh_token":"\#(refresh)"}"#)
            #expect(reused.status == 401)
            let next = try await sandbox.post("/auth/refresh-token", #"{"refresh_token":"\#(newRefresh)"}"#)
            #expect(next.status == 200)
            let me = try await sandbox.get("/auth/user/\(userId)", token: newAccess)
            #expect(me.status == 200)
            let accessAsRefresh = try await sandbox.post("/auth/refresh-token", #"{"refresh_token":"\#(newAccess)"}"#)
            #expect(accessAsRefresh.status == 401)
        }
    }

    @Test func expiredAccessTokenIsRefusedWithTokenExpired() async throws {
        try await TestSandbox.with({ $0.accessTokenLifetime = .seconds(0) }) { sandbox in
            let (access, refresh, _) = try await sandbox.anonymous()
            let refused = try await sandbox.get("/auth/user/x", token: access)
            #expect(refused.status == 401)
            #expect(refused.code == "TOKEN_EXPIRED")
            let refreshed = try await sandbox.post("/auth/refresh-token", #"{"refresh_token":"\#(refresh)"}"#)
            #expect(refreshed.status == 200)
        }
    }

    @Test func logoutReturnsNewAnonymousTokensAndRevokesTheSession() async throws {
        try await TestSandbox.with { sandbox in
            let (access, refresh, userId) = try await sandbox.loginWithPhone()
            let book = try await sandbox.product("the-monsoon-library", token: access)
            let (cartId, _) = try await sandbox.createCart(productId: book.id, quantity: 5, token: access)
            let logout = try await sandbox.post("/auth/logout", token: access)
            #expect(logout.status == 200)
            #expect(logout.content["user"]["is_anonymous"].bool == true)
            #expect(logout.content["user"]["id"].string != userId)
            let newAccess = try #require(logout.content["access_token"].string)
            let stale = try await sandbox.post("/auth/refresh-token", #"{"refresh_token":"\#(refresh)"}"#)
            #expect(stale.status == 401)
            let other = try await sandbox.get("/auth/user/\(userId)", token: newAccess)
            #expect(other.status == 403)
            // The device keeps its cart; logging in again (by email: the phone OTP is cooling down) brings it back.
            let anonymousId = try #require(logout.content["user"]["id"].string)
            let kept = try await sandbox.get("/carts/users/\(anonymousId)", token: newAccess)
            #expect(kept.content["cart"]["id"].string == cartId)
            let login = try await sandbox.post(
                "/auth/login/email", #"{"email":"demo@example.com"}"#, token: newAccess,
                headers: ["x-debug-mode": "true"])
            let otp = try #require(login.content["otp"].string)
            let otpToken = try #require(login.content["otp_token"].string)
            let verified = try await sandbox.post(
                "/auth/verify-otp", #"{"otp":"\#(otp)","otp_token":"\#(otpToken)","otp_action":"login"}"#,
                token: newAccess)
            #expect(verified.content["user"]["id"].string == userId)
            let again = try #require(verified.content["access_token"].string)
            let back = try await sandbox.get("/carts/users/\(userId)", token: again)
            #expect(back.content["cart"]["id"].string == cartId)
            #expect(back.content["cart"]["cart_items"][0]["quantity"].int == 5)
        }
    }

    @Test func registerWithEmailOTPThenPasswordRegistrationAndLogin() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, anonymousId) = try await sandbox.anonymous()
            let register = try await sandbox.post(
                "/auth/register/email", #"{"first_name":"Asha","email":"asha@example.com"}"#, token: token,
                headers: ["x-debug-mode": "true"])
            #expect(register.status == 200, "\(register.text)")
            #expect(register.content["otp_action"].string == "register")
            let otp = try #require(register.content["otp"].string)
            let otpToken = try #require(register.content["otp_token"].string)
            let verified = try await sandbox.post(
                "/auth/verify-otp", #"{"otp":"\#(otp)","otp_token":"\#(otpToken)","otp_action":"register"}"#,
                token: token)
            #expect(verified.status == 200)
            #expect(verified.content["user"]["id"].string == anonymousId)
            #expect(verified.content["user"]["first_name"].string == "Asha")
            #expect(verified.content["user"]["is_email_verified"].bool == true)

            let duplicate = try await sandbox.post(
                "/auth/register/email", #"{"first_name":"A","email":"asha@example.com"}"#, token: token)
            #expect(duplicate.status == 409)

            // Password registration is OTP-first as well (the code goes to the email here).
            let (other, _, otherId) = try await sandbox.anonymous()
            let passwordUser = try await sandbox.post(
                "/auth/register/password",
                #"{"email":"bo@example.com","password":"correct horse","confirm_password":"correct horse"}"#,
                token: other, headers: ["x-debug-mode": "true"])
            #expect(passwordUser.status == 200, "\(passwordUser.text)")
            let passwordOTP = try #require(passwordUser.content["otp"].string)
            let passwordToken = try #require(passwordUser.content["otp_token"].string)
            let registered = try await sandbox.post(
                "/auth/verify-otp",
                #"{"otp":"\#(passwordOTP)","otp_token":"\#(passwordToken)","otp_action":"register"}"#, token: other)
            #expect(registered.content["user"]["id"].string == otherId)
            #expect(registered.content["user"]["login_methods"].array == [.string("email"), .string("password")])
            let short = try await sandbox.post(
                "/auth/register/password", #"{"email":"c@example.com","password":"short","confirm_password":"short"}"#,
                token: other)
            #expect(short.body["details"][0]["field"].string == "password")

            let (third, _, _) = try await sandbox.anonymous()
            let bad = try await sandbox.post(
                "/auth/login/password", #"{"email":"bo@example.com","password":"wrong password"}"#, token: third)
            #expect(bad.status == 401)
            #expect(bad.code == "INVALID_CREDENTIALS")
            let good = try await sandbox.post(
                "/auth/login/password", #"{"email":"bo@example.com","password":"correct horse"}"#, token: third)
            #expect(good.status == 200)
            #expect(good.content["user"]["id"].string == otherId)
        }
    }

    @Test func userUpdatePreferencesAndCrossUserAccess() async throws {
        try await TestSandbox.with { sandbox in
            let (access, _, userId) = try await sandbox.loginWithPhone()
            let (intruder, _, _) = try await sandbox.anonymous()
            let spy = try await sandbox.get("/auth/user/\(userId)", token: intruder)
            #expect(spy.status == 403)
            #expect(spy.content.isNull)
            let spyUpdate = try await sandbox.request(
                "PUT", "/auth/user/\(userId)", json: #"{"first_name":"Mallory"}"#, token: intruder)
            #expect(spyUpdate.status == 403)

            let update = try await sandbox.request(
                "PUT", "/auth/user/\(userId)",
                json: #"{"first_name":"Dee","last_name":null,"email":null,"phone":null}"#, token: access)
            #expect(update.status == 200)
            #expect(update.content["user"]["first_name"].string == "Dee")
            #expect(update.content["user"]["last_name"].isNull)
            let invalid = try await sandbox.request(
                "PUT", "/auth/user/\(userId)",
                json: #"{"email":"not-an-email","first_name":"","last_name":null,"phone":null}"#, token: access)
            #expect(invalid.status == 400)
            #expect(Set(invalid.body["details"].array.compactMap { $0["field"].string }) == ["email", "first_name"])

            let prefs = try await sandbox.request(
                "PUT", "/auth/user/\(userId)/notification-preferences",
                json: #"{"notification_preferences":{"promotional":{"email":true}}}"#, token: access)
            #expect(prefs.status == 200)
            #expect(prefs.content["notification_preferences"]["promotional"]["email"].bool == true)
            #expect(prefs.content["notification_preferences"]["promotional"]["sms"].bool == false)
            let read = try await sandbox.get("/auth/user/\(userId)/notification-preferences", token: access)
            #expect(read.content["notification_preferences"]["promotional"]["email"].bool == true)

            let verified = try await sandbox.post(
                "/auth/verified-email-phone", #"{"phone":["9876543210","9000000000"],"email":["demo@example.com"]}"#,
                token: access)
            #expect(verified.content["verified_phone"].array == [.string("9876543210")])
            #expect(verified.content["verified_email"].array == [.string("demo@example.com")])

            let image = try await sandbox.upload(
                "POST", "/auth/user/\(userId)/profile-image", part: ProfileImageHTTPTests.pngPart, token: access)
            #expect(image.content["profile_image_url"].string?.contains("/sandbox/profile-images/") == true)
            let removed = try await sandbox.delete("/auth/user/\(userId)/profile-image", token: access)
            #expect(removed.status == 200)
            let none = try await sandbox.get("/auth/user/\(userId)/profile-image", token: access)
            #expect(none.status == 404)

            let deactivate = try await sandbox.request("PUT", "/auth/user/\(userId)/deactivate", token: access)
            #expect(deactivate.status == 200)
            let after = try await sandbox.get("/auth/user/\(userId)", token: access)
            #expect(after.status == 401)
        }
    }
}

@Suite("Password reset")
struct PasswordResetHTTPTests {
    func registerWithPassword(_ sandbox: TestSandbox) async throws -> String {
        let (token, _, _) = try await sandbox.anonymous()
        let register = try await sandbox.post(
            "/auth/register/password",
            #"{"phone":"9111111111","password":"first password","confirm_password":"first password"}"#,
            token: token, headers: ["x-debug-mode": "true"])
        let otp = try #require(register.content["otp"].string)
        let otpToken = try #require(register.content["otp_token"].string)
        let verified = try await sandbox.post(
            "/auth/verify-otp", #"{"otp":"\#(otp)","otp_token":"\#(otpToken)","otp_action":"register"}"#, token: token)
        #expect(verified.status == 200)
        return try #require(verified.content["access_token"].string)
    }

    @Test func resetThroughVerifyOTPThenResetWithTheTokenOnly() async throws {
        try await TestSandbox.with { sandbox in
            _ = try await registerWithPassword(sandbox)
            let (token, _, _) = try await sandbox.anonymous()
            let forgot = try await sandbox.post(
                "/auth/forgot-password", #"{"phone":"9111111111"}"#, token: token, headers: ["x-debug-mode": "true"])
            // The documented answer is `{otp_token}` alone (plus the OTP in debug mode): no otp_action.
            #expect(forgot.content["otp_action"].isNull)
            let otp = try #require(forgot.content["otp"].string)
            let otpToken = try #require(forgot.content["otp_token"].string)
            let early = try await sandbox.post(
                "/auth/reset-password", #"{"otp_token":"\#(otpToken)","new_password":"second password"}"#, token: token)
            #expect(early.status == 400)
            let verified = try await sandbox.post(
                "/auth/verify-otp", #"{"otp":"\#(otp)","otp_token":"\#(otpToken)","otp_action":"reset-password"}"#,
                token: token)
            #expect(verified.status == 200)
            let access = try #require(verified.content["access_token"].string)
            let reset = try await sandbox.post(
                "/auth/reset-password",
                #"{"otp_token":"\#(otpToken)","new_password":"second password","confirm_password":"second password"}"#,
                token: access)
            #expect(reset.status == 200, "\(reset.text)")
            let reused = try await sandbox.post(
                "/auth/reset-password", #"{"otp_token":"\#(otpToken)","new_password":"third password"}"#, token: access)
            #expect(reused.status == 400)
            let old = try await sandbox.post(
                "/auth/login/password", #"{"phone":"9111111111","password":"first password"}"#, token: token)
            #expect(old.status == 401)
            let new = try await sandbox.post(
                "/auth/login/password", #"{"phone":"9111111111","password":"second password"}"#, token: token)
            #expect(new.status == 200)
        }
    }

    @Test func changePasswordNeedsTheOldOne() async throws {
        try await TestSandbox.with { sandbox in
            let access = try await registerWithPassword(sandbox)
            let wrong = try await sandbox.post(
                "/auth/change-password", #"{"old_password":"nope nope","new_password":"brand new pass"}"#, token: access
            )
            #expect(wrong.status == 401)
            let changed = try await sandbox.post(
                "/auth/change-password",
                #"{"old_password":"first password","new_password":"brand new pass","confirm_password":"brand new pass"}"#,
                token: access)
            #expect(changed.status == 200)
            #expect(changed.content["access_token"].string != nil)
        }
    }
}

@Suite("Verifying a new email with generate-otp")
struct GenerateOTPHTTPTests {
    @Test func verifyEmailThroughGenerateOTP() async throws {
        try await TestSandbox.with { sandbox in
            let (access, _, userId) = try await sandbox.loginWithPhone()
            let generated = try await sandbox.post(
                "/auth/generate-otp", #"{"channel":"email","email":"new@example.com","otp_action":"update-email"}"#,
                token: access, headers: ["x-debug-mode": "true"])
            #expect(generated.status == 200, "\(generated.text)")
            let otp = try #require(generated.content["otp"].string)
            let otpToken = try #require(generated.content["otp_token"].string)
            let (intruder, _, _) = try await sandbox.anonymous()
            let stolen = try await sandbox.post(
                "/auth/verify-otp", #"{"otp":"\#(otp)","otp_token":"\#(otpToken)","otp_action":"update-email"}"#,
                token: intruder)
            #expect(stolen.status == 403)
            let invalid = try await sandbox.post(
                "/auth/generate-otp", #"{"channel":"pigeon","otp_action":"login"}"#, token: access)
            #expect(Set(invalid.body["details"].array.compactMap { $0["field"].string }) == ["channel", "otp_action"])
            let me = try await sandbox.get("/auth/user/\(userId)", token: access)
            #expect(me.content["user"]["email"].string == "demo@example.com")
            let verified = try await sandbox.post(
                "/auth/verify-otp", #"{"otp":"\#(otp)","otp_token":"\#(otpToken)","otp_action":"update-email"}"#,
                token: access)
            #expect(verified.status == 200)
            #expect(verified.content["user"]["email"].string == "new@example.com")
            #expect(verified.content["user"]["is_email_verified"].bool == true)
        }
    }
}
