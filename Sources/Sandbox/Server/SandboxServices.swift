import Foundation
import GRDB
import Hummingbird

/// What every route needs: the database, the token service, the configuration and the store settings.
struct SandboxServices: Sendable {
    let configuration: SandboxConfiguration
    let database: SandboxDatabase
    let tokens: TokenService
    let settings: StoreSettings
    /// The catalog kept in memory between requests (see ``CatalogCache``).
    let catalog: CatalogCache
    /// `GET /carts/{id}` answers kept in memory between requests (see ``CartAnswerCache``).
    let cartAnswers: CartAnswerCache
    /// `GET /catalog/products` answers kept in memory between requests (see ``CatalogAnswerCache``).
    let catalogAnswers = CatalogAnswerCache()
    let resources: URL?
    /// Mints support tokens (``SupportKey``); never logged.
    let supportKey: String

    /// Now, by the configuration's clock (``SandboxConfiguration/now``).
    func now() -> Date { configuration.now() }

    static func make(_ configuration: SandboxConfiguration) async throws -> SandboxServices {
        let resources = configuration.resourcesDirectory ?? SandboxResources.locate()
        // A new file is the seeded image, copied (a generated catalog is seeded as asked).
        let copied =
            configuration.generatedCatalogSize == nil
            && SeedImage.install(resources: resources, at: configuration.databasePath)
        let database = try SandboxDatabase.open(path: configuration.databasePath, checkSchema: !copied)
        if copied { try await database.write(ChangeCounters.restart) }
        let settings = try Seeder.seedIfEmpty(
            database, resources: resources, generatedCatalogSize: configuration.generatedCatalogSize)
        let secret = try database.setting("jwt_secret") { IDs.token(bytes: 32) }
        let tokens = await TokenService.make(
            secret: secret, accessLifetime: configuration.accessTokenLifetime,
            refreshLifetime: configuration.refreshTokenLifetime)
        let supportKey = try SupportKey.resolve(
            configured: configuration.supportKey, databasePath: configuration.databasePath)
        return SandboxServices(
            configuration: configuration, database: database, tokens: tokens, settings: settings,
            catalog: CatalogCache(settings: settings), cartAnswers: CartAnswerCache(), resources: resources,
            supportKey: supportKey)
    }
}
