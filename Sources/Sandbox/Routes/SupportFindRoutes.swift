import Foundation
import GRDB
import Hummingbird

/// `GET /support/users?phone=|email=|order_number=|user_id=` (a sandbox-only extension, support token only): the
/// user support is looking for, with their cart's summary, last activity, and where the cart went when it moved
/// to another user on sign-in or sign-out. Commerce Engine's public storefront API has no user search; see
/// SANDBOX.md.
struct SupportFindRoutes {
    let services: SandboxServices

    func register(on api: RouteGroups) {
        api.support.get("support/users") { request, _ in try await find(request) }
    }

    struct CartSummary: Encodable, Sendable {
        var id: String
        var lineCount: Int
        var itemCount: Int
        var couponCode: String?
        var toBePaid: Paise
    }

    struct CartMove: Encodable, Sendable {
        var userId: String
        var cartId: String
        var reason: String
        var movedAt: Date
    }

    struct UserSummary: Encodable, Sendable {
        var id: String
        var firstName: String?
        var lastName: String?
        var phone: String?
        var email: String?
        var isAnonymous: Bool
        var active: Bool
        var createdAt: Date
        var lastActivityAt: Date
        var cart: CartSummary?
        var cartMovedTo: CartMove?
    }

    static let selectors = ["phone", "email", "order_number", "user_id"]

    func find(_ request: Request) async throws -> Response {
        let query = Query(request: request)
        let given = Self.selectors.compactMap { key in query.string(key).map { (key, $0) } }
        guard given.count == 1, let selector = given.first else {
            throw APIError.validation(
                [FieldIssue(field: "phone", message: "Give exactly one of phone, email, order_number or user_id")])
        }
        let (key, value) = selector
        let catalog = services.catalog
        let now = services.now()
        let users = try await services.database.read { db -> [UserSummary] in
            let ids = try Self.userIDs(db, key: key, value: value)
            return try ids.compactMap { id in
                guard let user = try UserRecord.fetchOne(db, key: id) else { return nil }
                return try Self.summary(db, user, catalog: catalog, now: now)
            }
        }
        return try Reply.ok(["users": users], message: users.isEmpty ? "No user found" : "Users found")
    }

    /// The users a selector names (registered users only for a phone or an email).
    static func userIDs(_ db: Database, key: String, value: String) throws -> [String] {
        switch key {
        case "phone":
            return try String.fetchAll(
                db, sql: "SELECT id FROM user WHERE phone = ? AND is_anonymous = 0", arguments: [Self.phone(value)])
        case "email":
            return try String.fetchAll(
                db, sql: "SELECT id FROM user WHERE lower(email) = lower(?) AND is_anonymous = 0",
                arguments: [value.trimmingCharacters(in: .whitespaces)])
        case "order_number":
            return try String.fetchAll(
                db, sql: "SELECT user_id FROM \"order\" WHERE order_number = ?", arguments: [value])
        default:
            return [value]
        }
    }

    /// The ten digits of an Indian mobile number however it was typed (`+91 98765 43210`, `098765-43210`).
    static func phone(_ text: String) -> String {
        let digits = text.filter(\.isASCII).filter(\.isNumber)
        if digits.count == 12 && digits.hasPrefix("91") { return String(digits.dropFirst(2)) }
        if digits.count == 11 && digits.hasPrefix("0") { return String(digits.dropFirst()) }
        return String(digits)
    }

    static func summary(_ db: Database, _ user: UserRecord, catalog: CatalogCache, now: Date) throws -> UserSummary {
        var cartSummary: CartSummary?
        var activity = [user.createdAt, user.modifiedAt]
        if let cart = try CartStore.activeCart(db, userId: user.id, now: now) {
            let priced = try CartStore.priced(db, cart, catalog: catalog, now: now)
            let items = try CartItemRecord.filter(Column("cart_id") == cart.id).fetchAll(db)
            cartSummary = CartSummary(
                id: cart.id, lineCount: items.count, itemCount: items.reduce(0) { $0 + $1.quantity },
                couponCode: cart.couponCode, toBePaid: priced.toBePaid)
            activity.append(cart.createdAt)
        }
        if let changed = try Date.fetchOne(
            db, sql: "SELECT MAX(COALESCE(modified_at, created_at)) FROM cart WHERE user_id = ?", arguments: [user.id])
        {
            activity.append(changed)
        }
        if let ordered = try Date.fetchOne(
            db, sql: "SELECT MAX(created_at) FROM \"order\" WHERE user_id = ?", arguments: [user.id])
        {
            activity.append(ordered)
        }
        var moved: CartMove?
        if cartSummary == nil,
            let row = try Row.fetchOne(
                db, sql: "SELECT to_user_id, cart_id, reason, moved_at FROM cart_move WHERE from_user_id = ?",
                arguments: [user.id])
        {
            moved = CartMove(
                userId: row["to_user_id"], cartId: row["cart_id"], reason: row["reason"], movedAt: row["moved_at"])
            activity.append(row["moved_at"])
        }
        return UserSummary(
            id: user.id, firstName: user.firstName, lastName: user.lastName, phone: user.phone, email: user.email,
            isAnonymous: user.isAnonymous, active: user.active, createdAt: user.createdAt,
            lastActivityAt: activity.max() ?? user.createdAt, cart: cartSummary, cartMovedTo: moved)
    }
}
