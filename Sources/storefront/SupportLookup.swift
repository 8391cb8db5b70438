import Foundation
import StorefrontAPI

/// Finding the customer support is talking to, and saying what was found.
enum SupportLookup {
    /// What a store without the sandbox's user search answers for anything but a user id.
    static let noSearch =
        "This store offers no way to look a customer up (Commerce Engine's storefront API has no user search): ask "
        + "the customer for the user id on their Account screen and pass it with --user-id."

    /// The users `selector` names. A store without `GET /support/users` (a real Commerce Engine store) can only
    /// be asked for a user id's cart.
    static func find(_ selector: SupportSelector, support: StorefrontClient) async throws -> [SupportUser] {
        do {
            return try await support.supportFindUsers(selector)
        } catch .http(let status, _, _, _) where status == 404 || status == 405 {
            guard case .userID(let id) = selector else { throw CommandFailure(noSearch) }
            do {
                let cart = try await support.userCart(userID: id)
                return [SupportUser(id: id, cart: cart.map(SupportUser.CartSummary.init))]
            } catch .http(404, "USER_NOT_FOUND", _, _) {
                return []
            } catch {
                throw CommandFailure(error.message)
            }
        } catch {
            throw CommandFailure(error.message)
        }
    }

    /// Where a user's cart went, if it moved when they signed in or out (nil when unknown).
    static func movedCart(of userID: String, support: StorefrontClient) async -> SupportUser.CartMove? {
        try? await support.supportFindUsers(.userID(userID)).first?.cartMovedTo
    }

    /// "user G has no cart: it moved to user U when they signed in (at T); …".
    static func noCartMessage(_ userID: String, moved: SupportUser.CartMove?) -> String {
        guard let moved else { return "user \(userID) has no cart." }
        let when = moved.reason == "sign-out" ? "when they signed out" : "when they signed in"
        return "user \(userID) has no cart: it moved to user \(moved.userId) \(when)"
            + (moved.movedAt.map { " (\($0))" } ?? "") + "; see `storefront support cart --user-id \(moved.userId)`."
    }

    /// A found user as `--json` prints it: personal data masked.
    struct Found: Encodable {
        var id: String
        var name: String?
        var phone: String?
        var email: String?
        /// `guest`, `registered`, or `unknown` (a store that only told us the cart).
        var kind: String
        var cart: Cart?
        var lastActivityAt: String?
        var cartMovedTo: Moved?

        struct Cart: Encodable {
            var id: String
            var lineCount: Int
            var itemCount: Int?
            var couponCode: String?
            var toBePaid: Money
        }

        struct Moved: Encodable {
            var userId: String
            var cartId: String?
            var reason: String?
            var movedAt: String?
        }

        init(_ user: SupportUser) {
            id = user.id
            name = user.name
            phone = user.phone.map(SupportMasking.phone)
            email = user.email.map(SupportMasking.email)
            kind = user.isAnonymous.map { $0 ? "guest" : "registered" } ?? "unknown"
            cart = user.cart.map {
                Cart(
                    id: $0.id, lineCount: $0.lineCount, itemCount: $0.itemCount, couponCode: $0.couponCode,
                    toBePaid: $0.toBePaid)
            }
            lastActivityAt = user.lastActivityAt
            cartMovedTo = user.cartMovedTo.map {
                Moved(userId: $0.userId, cartId: $0.cartId, reason: $0.reason, movedAt: $0.movedAt)
            }
        }

        /// The lines `support find` prints for people.
        var lines: [String] {
            var lines = ["user \(id) (\(kind))"]
            func row(_ name: String, _ value: String?) {
                if let value { lines.append("  " + Output.pad(name, 15) + value) }
            }
            row("name", name)
            row("phone", phone)
            row("email", email)
            if let cart {
                let count = cart.lineCount == 1 ? "1 line" : "\(cart.lineCount) lines"
                row(
                    "cart",
                    "\(cart.id) · \(count) · to be paid \(cart.toBePaid.formatted())"
                        + (cart.couponCode.map { " · coupon \($0)" } ?? ""))
            } else if let moved = cartMovedTo {
                let when = moved.reason == "sign-out" ? "on sign-out" : "on sign-in"
                row("cart", "none: moved to user \(moved.userId) \(when)" + (moved.movedAt.map { " (\($0))" } ?? ""))
            } else {
                row("cart", "none")
            }
            row("last activity", lastActivityAt)
            return lines
        }
    }
}
