import Foundation
import Testing

@testable import StorefrontAPI

/// The loyalty answer in each shape the vendor's pages show (the newest is `VendorExamples/`).
@Suite struct LoyaltyDecodingTests {
    static func details(_ json: String) throws -> LoyaltyDetails {
        try Coding.decoder.decode(LoyaltyContent.self, from: Data(json.utf8)).details
    }

    @Test func theOlderPagesPointsBalanceIsRead() throws {
        let details = try Self.details(
            #"{"loyalty":{"membership_number":"M1","current_tier":"Gold","points_earned":900,"points_redeemed":100,"points_balance":800}}"#
        )
        #expect(details.balance == 800)
        #expect(details.redeemable == nil)
        #expect(details.mostToRedeem == 800)
        #expect(details.tier == "Gold")
    }

    @Test func theTopLevelBalanceWinsAndRedeemableCapsWhatToRedeem() throws {
        let details = try Self.details(
            #"{"loyalty":{"loyalty_point_balance":40,"loyalty_point_redeemable":250.5},"loyalty_point_balance":300}"#)
        #expect(details.balance == 300)
        #expect(details.redeemable == 250)
        #expect(details.mostToRedeem == 250)
    }

    @Test func noLoyaltyIsNoBalance() throws {
        let details = try Self.details(#"{"loyalty":null}"#)
        #expect(details.balance == nil)
        #expect(details.mostToRedeem == nil)
    }
}
