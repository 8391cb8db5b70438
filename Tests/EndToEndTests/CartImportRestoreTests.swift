import Foundation
import StorefrontAPI
import Testing

extension SupportFixture {
    /// Runs the binary as a shell user whose session (token file) lives in the folder `state`; (status, out, err).
    func run(_ arguments: [String], state: String, environment: [String: String] = [:]) async throws -> (
        Int32, String, String
    ) {
        let variables =
            ["XDG_STATE_HOME=" + path(state), "XDG_DATA_HOME=" + path(state + "-data")]
            + environment.map { "\($0.key)=\($0.value)" }
        let out = path("run-\(UUID().uuidString).out")
        let err = path("run-\(UUID().uuidString).err")
        let status = try await Spawn.run(["env"] + variables + [BuiltBinary.path] + arguments, stdout: out, stderr: err)
        return (status, read(out), read(err))
    }

    /// The customer's cart as `support cart --json` prints it (a masked snapshot of store "sandbox"), as JSON.
    func customerSnapshot() async throws -> [String: Any] {
        let (status, out, err) = try await run(
            ["support", "cart", "--user-id", userID, "--json", "--support-key", supportKey] + storeFlags)
        #expect(status == 0, "\(err)")
        return try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
    }

    /// Writes a snapshot (as JSON) to `name`; its path.
    func write(_ snapshot: [String: Any], _ name: String) throws -> String {
        try JSONSerialization.data(withJSONObject: snapshot).write(to: URL(fileURLWithPath: path(name)))
        return path(name)
    }

    /// `cart show --json` of the session in `state`: (to be paid, coupon code, line quantities).
    func shownCart(state: String) async throws -> (
        toBePaid: String, coupon: String?, giftCard: String?, quantities: [Int]
    ) {
        let (status, out, err) = try await run(["cart", "show", "--json"] + storeFlags, state: state)
        #expect(status == 0, "\(err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any], "\(out)")
        let totals = try #require(json["totals"] as? [String: Any])
        let lines = try #require(json["lines"] as? [[String: Any]])
        return (
            "\(totals["to_be_paid"] ?? "")", json["coupon_code"] as? String, json["gift_card_code"] as? String,
            lines.compactMap { $0["quantity"] as? Int }
        )
    }
}

/// `storefront cart import --replace` that the store refuses puts every part of the cart back; snapshots of
/// another store need --force; exports with personal data are 0600. Through the built binary, against a
/// `sandbox serve` on loopback.
@Suite(.serialized) struct CartImportRestoreTests {
    @Test func aRefusedReplacePutsTheWholeCartBackAndSaysWhyInSentences() async throws {
        let fixture = try await SupportFixture()
        defer { fixture.stop() }
        // The customer's cart, made worth a coupon and a gift card, is what the shell user's session imports.
        var cart = try #require(fixture.cart)
        cart = try await fixture.customer.setItem(
            cartID: cart.id, CartItemUpdate(productId: cart.cartItems[0].productId, variantId: nil, quantity: 6))
        cart = try await fixture.customer.applyCoupon(cartID: cart.id, code: "WELCOME10")
        cart = try await fixture.customer.redeemGiftCard(cartID: cart.id, code: "GIFT250")
        #expect(cart.couponCode == "WELCOME10")
        let snapshot = try await fixture.customerSnapshot()
        let good = try fixture.write(snapshot, "good.json")
        let imported = try await fixture.run(["cart", "import", good] + fixture.storeFlags, state: "shell")
        #expect(imported.0 == 0, "\(imported.2)")
        let before = try await fixture.shownCart(state: "shell")
        #expect(before.coupon == "WELCOME10" && before.giftCard == "GIFT250", "\(before)")

        // More than the store has of the first line; then a coupon the store refuses.
        var tooMany = snapshot
        var lines = try #require(snapshot["lines"] as? [[String: Any]])
        lines[0]["quantity"] = 100_000
        tooMany["lines"] = lines
        var badCoupon = snapshot
        badCoupon["coupon_code"] = "EXPIRED50"
        for (name, refused) in [("too-many.json", tooMany), ("bad-coupon.json", badCoupon)] {
            let file = try fixture.write(refused, name)
            let (status, _, err) = try await fixture.run(
                ["cart", "import", file, "--replace"] + fixture.storeFlags, state: "shell")
            #expect(status == 1, "\(name): \(err)")
            #expect(err.contains(". The cart was put back as it was."), "\(name): \(err)")
            #expect(!err.contains("  "), "\(name): \(err)")
            let after = try await fixture.shownCart(state: "shell")
            #expect(after.toBePaid == before.toBePaid, "\(name): to be paid \(before.toBePaid) → \(after.toBePaid)")
            #expect(after.coupon == "WELCOME10", "\(name): the coupon was dropped")
            #expect(after.giftCard == "GIFT250", "\(name): the gift card was dropped")
            #expect(after.quantities == before.quantities, "\(name)")
        }
    }

    @Test func anotherStoresSnapshotNeedsForceAndPersonalExportsAreOwnerOnly() async throws {
        let fixture = try await SupportFixture()
        defer { fixture.stop() }
        var snapshot = try await fixture.customerSnapshot()
        snapshot["store"] = "01JOTHERSTORE"
        let file = try fixture.write(snapshot, "other.json")
        let refused = try await fixture.run(["cart", "import", file] + fixture.storeFlags, state: "shell")
        #expect(refused.0 == 1)
        #expect(refused.2.contains("store 01JOTHERSTORE") && refused.2.contains("store sandbox"), "\(refused.2)")
        #expect(refused.2.contains("--force"), "\(refused.2)")
        let none = try await fixture.run(["cart", "show", "--json"] + fixture.storeFlags, state: "shell")
        #expect(none.1.trimmingCharacters(in: .whitespacesAndNewlines) == "null", "imported without --force: \(none.1)")
        let forced = try await fixture.run(["cart", "import", file, "--force"] + fixture.storeFlags, state: "shell")
        #expect(forced.0 == 0, "\(forced.2)")
        await #expect(try fixture.shownCart(state: "shell").quantities == [2, 1])

        // Over an existing file readable by all, too.
        let out = fixture.path("pii.json")
        try Data("old".utf8).write(to: URL(fileURLWithPath: out))
        chmod(out, 0o644)
        let exported = try await fixture.run(
            ["cart", "export", "--with-pii", "--out", out] + fixture.storeFlags, state: "shell")
        #expect(exported.0 == 0, "\(exported.2)")
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int)
        #expect(mode == 0o600, "the export with personal data is \(String(mode, radix: 8))")
        #expect(fixture.read(out).contains("\"contains_personal_data\" : true"))
    }
}
