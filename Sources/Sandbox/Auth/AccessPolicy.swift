/// Who may call a route: each route group of the storefront API carries one (``RouteGroups``), and its
/// ``SessionMiddleware`` checks it before the handler runs.
enum AccessPolicy: Sendable {
    /// Nothing asked: the request carries its own proof (a refresh token).
    case open
    /// `X-Api-Key` only (a new anonymous session; a support token).
    case apiKey
    /// Catalog reads: a bearer token (a customer's or support's; a customer's user active) or an API key.
    case publicRead
    /// A customer's access token (support tokens refused) whose user exists and is active.
    case customer
    /// ``customer``, and signed in (not anonymous).
    case signedIn
    /// A customer's access token (support tokens refused), its user checked by the handler with
    /// ``Authenticator/requireActive(_:userId:)`` in the transaction that serves the request: one trip to the
    /// database instead of two on the hot cart routes.
    case customerToken
    /// A customer's or a support token; a customer's user is checked by the handler in its transaction.
    case reader
    /// A support token only.
    case support
}
