import Foundation
import Hummingbird

/// Builds the router: the storefront API under ``basePath``, the payment page, uploaded profile images and the
/// OpenAPI document.
enum SandboxRouter {
    static let storeId = "sandbox"
    static let basePath = "/api/v1/\(storeId)/storefront"

    static func build(_ services: SandboxServices) -> Router<SandboxContext> {
        let router = Router(context: SandboxContext.self)
        router.add(middleware: SandboxAnnouncement())
        if !services.configuration.chaos.isOff {
            router.add(middleware: ChaosMiddleware(settings: services.configuration.chaos))
        }
        router.add(middleware: ErrorEnvelopeMiddleware())
        let api = RouteGroups(router.group(RouterPath(basePath)), auth: Authenticator(services: services))
        AuthRoutes(services: services).register(on: api)
        SupportRoutes(services: services).register(on: api)
        SupportFindRoutes(services: services).register(on: api)
        UserRoutes(services: services).register(on: api)
        CatalogRoutes(services: services).register(on: api)
        CartRoutes(services: services).register(on: api)
        WishlistRoutes(services: services).register(on: api)
        CustomerRoutes(services: services).register(on: api)
        FulfillmentRoutes(services: services).register(on: api)
        CommonRoutes(services: services).register(on: api)
        OrderRoutes(services: services).register(on: api)
        JuspayRoutes(services: services).register(on: api)
        StorePaymentMethods().register(on: api)
        PaymentPages(services: services).register(on: router)
        ProfileImages(services: services).register(on: router)
        OpenAPIRoutes(services: services).register(on: router)
        return router
    }
}
