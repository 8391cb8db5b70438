import Foundation

/// What `POST /auth/support` answers: a read-only support token (a sandbox extension; see SANDBOX.md).
public struct SupportToken: Decodable, Sendable, Hashable {
    public var accessToken: String
    public var role: String
    /// Seconds the token is valid.
    public var expiresIn: Int?
}

extension StorefrontClient {
    /// Mints a read-only support token with the store's API key and the sandbox's support key
    /// (`POST /auth/support`, header `X-Support-Key`). Commerce Engine's public storefront API has no such
    /// call: there, support tokens are issued by an operator. The session of this client is not touched.
    public func supportSignIn(supportKey: String) async throws(APIError) -> SupportToken {
        try await perform(
            method: "POST", path: "/auth/support", body: Optional<EmptyContent>.none, auth: .apiKey,
            idempotent: false, headers: ["X-Support-Key": supportKey])
    }

    /// A client of the same store that reads with `token` (kept in memory only) and never starts a session.
    /// With `renew`, an expired token is replaced by a new one from it (see
    /// ``StorefrontClient/init(configuration:supportToken:transport:logger:now:renew:)``).
    public nonisolated func supportClient(
        token: String, renew: (@Sendable () async throws(APIError) -> String)? = nil
    ) -> StorefrontClient {
        StorefrontClient(
            configuration: configuration, supportToken: token, transport: transport, logger: logger, renew: renew)
    }

    /// A support client that mints its token with `supportKey` now and again whenever it expires.
    public nonisolated func renewingSupportClient(supportKey: String) async throws(APIError) -> StorefrontClient {
        let token = try await supportSignIn(supportKey: supportKey)
        return supportClient(token: token.accessToken) { () async throws(APIError) -> String in
            try await self.supportSignIn(supportKey: supportKey).accessToken
        }
    }
}

/// How support names the customer they look for.
public enum SupportSelector: Sendable, Hashable {
    case phone(String)
    case email(String)
    case orderNumber(String)
    case userID(String)

    var queryItem: URLQueryItem {
        switch self {
        case .phone(let value): URLQueryItem(name: "phone", value: value)
        case .email(let value): URLQueryItem(name: "email", value: value)
        case .orderNumber(let value): URLQueryItem(name: "order_number", value: value)
        case .userID(let value): URLQueryItem(name: "user_id", value: value)
        }
    }
}

/// A user as `GET /support/users` describes them (a sandbox extension; see SANDBOX.md).
public struct SupportUser: Decodable, Sendable, Hashable {
    public var id: String
    public var firstName: String?
    public var lastName: String?
    public var phone: String?
    public var email: String?
    /// nil when the store did not say (a store without the user search: only the cart is known).
    public var isAnonymous: Bool?
    public var active: Bool?
    public var createdAt: String?
    public var lastActivityAt: String?
    public var cart: CartSummary?
    /// Where this user's cart went when they signed in (a guest) or out (an account), when they have none now.
    public var cartMovedTo: CartMove?

    public struct CartSummary: Decodable, Sendable, Hashable {
        public var id: String
        public var lineCount: Int
        public var itemCount: Int?
        public var couponCode: String?
        public var toBePaid: Money

        /// The summary of a cart read in full.
        public init(cart: Cart) {
            id = cart.id
            lineCount = cart.cartItems.count
            itemCount = cart.cartItems.reduce(0) { $0 + $1.quantity }
            couponCode = cart.couponCode
            toBePaid = cart.toBePaid
        }
    }

    public struct CartMove: Decodable, Sendable, Hashable {
        public var userId: String
        public var cartId: String?
        /// `sign-in` or `sign-out`.
        public var reason: String?
        public var movedAt: String?
    }

    /// A user known only by id (and their cart, if any).
    public init(id: String, cart: CartSummary?) {
        self.id = id
        self.cart = cart
    }

    /// First and last name, when the user gave any.
    public var name: String? {
        let parts = [firstName, lastName].compactMap { $0?.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
}

extension StorefrontClient {
    /// The users `selector` names (`GET /support/users`, a support token only). A sandbox extension: Commerce
    /// Engine's public storefront API has no user search.
    public func supportFindUsers(_ selector: SupportSelector) async throws(APIError) -> [SupportUser] {
        struct Content: Decodable, Sendable { var users: [SupportUser] }
        let content: Content = try await get("/support/users", query: [selector.queryItem])
        return content.users
    }
}
