import StorefrontAPI

/// Everything the screens draw. A value: equal states draw equal screens.
public struct State: Equatable, Sendable {
    public var session = SessionState.starting
    public var catalog = CatalogState()
    public var cart: Cart?
    public var notice: Notice?

    public init() {}
}

public enum SessionState: Equatable, Sendable {
    case starting
    case ready(TokenClaims)
    case failed(APIError)

    public var claims: TokenClaims? {
        if case .ready(let claims) = self { return claims }
        return nil
    }
}

public struct CatalogState: Equatable, Sendable {
    public var products: [Product] = []
    public var selectedIndex = 0
    public var nextPage: Int? = 1
    public var isLoading = false
    public var totalRecords = 0

    public init() {}

    public var selectedProduct: Product? {
        products.indices.contains(selectedIndex) ? products[selectedIndex] : nil
    }
}

/// A message on the notice line; errors stay until dismissed.
public struct Notice: Equatable, Sendable, Codable {
    public enum Kind: String, Equatable, Sendable, Codable { case info, success, error }

    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}
