import Foundation
import GRDB
import Testing

@testable import Sandbox

@Suite("OTPService on a real SQLite file")
struct OTPServiceTests {
    func database() throws -> (SandboxDatabase, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("otp-\(UUID().uuidString)")
        return (try SandboxDatabase.open(path: directory.appendingPathComponent("otp.sqlite").path), directory)
    }

    @Test func otpExpiresAfterTenMinutes() throws {
        let (database, directory) = try database()
        defer { try? FileManager.default.removeItem(at: directory) }
        let now = Date()
        let otp = try database.pool.write { db in
            try OTPService.create(
                db, sessionUserId: "u", action: .login, destination: .init(channel: .sms, phone: "9000000001"),
                now: now)
        }
        #expect(otp.code.count == 6)
        #expect(otp.code.allSatisfy { $0.isNumber })
        let late = try database.pool.write { db in
            try OTPService.check(
                db, token: otp.token, code: otp.code, action: .login, now: now.addingTimeInterval(601))
        }
        guard case .invalid(let error) = late else {
            Issue.record("an OTP checked after 10 minutes must be refused")
            return
        }
        #expect(error.code == "OTP_EXPIRED")
        let inTime = try database.pool.write { db in
            try OTPService.check(
                db, token: otp.token, code: otp.code, action: .login, now: now.addingTimeInterval(599))
        }
        guard case .valid = inTime else {
            Issue.record("an OTP checked within 10 minutes must be accepted")
            return
        }
    }

    @Test func resendCooldownIsPerDestinationAndAction() throws {
        let (database, directory) = try database()
        defer { try? FileManager.default.removeItem(at: directory) }
        let now = Date()
        try database.pool.write { db in
            let phone = OTPService.Destination(channel: .sms, phone: "9000000002")
            _ = try OTPService.create(db, sessionUserId: "u", action: .login, destination: phone, now: now)
            do {
                _ = try OTPService.create(
                    db, sessionUserId: "u", action: .login, destination: phone, now: now.addingTimeInterval(29))
                Issue.record("a second OTP within 30 seconds must be refused")
            } catch let error as APIError {
                #expect(error.status == .tooManyRequests)
            }
            _ = try OTPService.create(
                db, sessionUserId: "u", action: .login, destination: phone, now: now.addingTimeInterval(31))
            _ = try OTPService.create(
                db, sessionUserId: "u", action: .resetPassword, destination: phone, now: now.addingTimeInterval(32))
            _ = try OTPService.create(
                db, sessionUserId: "u", action: .login, destination: .init(channel: .sms, phone: "9000000003"),
                now: now.addingTimeInterval(32))
        }
    }
}
