import Foundation

/// First-use costs the server pays as it starts instead of in its first answers (issue #18).
///
/// The first time a process signs or checks a token, reads the catalog and encodes a page of it, it also pays for
/// the runtime's first look-ups of the types involved (protocol conformances over the whole binary, generic
/// metadata), for JWTKit's and GRDB's first use and for loading the catalog's categories and promotions
/// (``CatalogCache``): ~8 ms beyond a warm answer, measured on the first `POST /auth/anonymous` and
/// `GET /catalog/products` of a new home (BENCHMARKS.md, run L). This does that work once, on a task of its own,
/// while the server builds its router, so it overlaps that and the first client's own start; the catalog's part
/// first, since a shop's first request is then usually already waiting (``SandboxServer/bind(_:)``). Nothing is
/// written (the writes are rolled back) and nothing is kept but what the caches keep on any read (the first page of
/// the catalog, ``CatalogAnswerCache``); the token signed here is checked here and dropped.
enum SandboxWarmUp {
    static func run(_ services: SandboxServices) async {
        let catalog = CatalogRoutes(services: services)
        // First what a shop's second request reads: its first request (`POST /auth/anonymous`) is often already
        // waiting for the router (``SandboxServer/bind(_:)``) and pays the token's and the guest's first use itself,
        // so the catalog's page is encoded meanwhile instead of contending with it for the writer and the keys.
        // The first page as a shopper's first read asks for it (page 1 of 25, newest first), kept encoded, and the
        // categories beside it: a shop asks for both at once, so both of the pool's first readers are opened here
        // (each a connection of its own, its schema read) rather than the second in the middle of those answers.
        async let products = try? await catalog.productPage(page: 1, limit: CatalogRoutes.productPageSize)
        if let page = try? await catalog.categoryList(page: 1, limit: CatalogRoutes.categoryPageSize) {
            _ = try? Reply.okBody(page, message: CatalogRoutes.categoriesMessage)
        }
        _ = await products
        // Then a new guest's two writes (its user and its refresh token), rolled back: the writer's statements and
        // the records' encoding are ready for a first `POST /auth/anonymous` that was not already waiting.
        let date = services.now()
        let user = UserRecord.anonymous(id: "warm-up", now: date)
        let refresh = RefreshTokenRecord(
            jti: "warm-up", userId: user.id, sessionId: "warm-up", expiresAt: date, usedAt: nil)
        try? await services.database.pool.writeWithoutTransaction { db in
            try db.inTransaction {
                try user.insert(db)
                try refresh.insert(db)
                return .rollback
            }
        }
        let now = Int(date.timeIntervalSince1970)
        let claims = TokenClaims(
            userId: "warm-up", isAnonymous: true, isLoggedIn: false, customerId: nil, firstName: nil, email: nil,
            phone: nil, tokenType: "access", sessionId: "warm-up", jti: "warm-up", iat: now, exp: now + 1)
        if let token = try? await services.tokens.keys.sign(claims) {
            _ = try? await services.tokens.keys.verify(token, as: TokenClaims.self)
        }
    }
}
