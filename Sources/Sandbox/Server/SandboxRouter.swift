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
        let auth = Authenticator(services: services)
        let api = router.group(RouterPath(basePath))
        let authRoutes = AuthRoutes(services: services, auth: auth)
        authRoutes.register(on: api)
        SupportRoutes(services: services, auth: auth).register(on: api)
        SupportFindRoutes(services: services, auth: auth).register(on: api)
        UserRoutes(services: services, auth: auth, authRoutes: authRoutes).register(on: api)
        CatalogRoutes(services: services, auth: auth).register(on: api)
        CartRoutes(services: services, auth: auth).register(on: api)
        WishlistRoutes(services: services, auth: auth).register(on: api)
        CustomerRoutes(services: services, auth: auth).register(on: api)
        FulfillmentRoutes(services: services, auth: auth).register(on: api)
        OrderRoutes(services: services, auth: auth).register(on: api)
        JuspayRoutes(services: services, auth: auth).register(on: api)
        StorePaymentMethods(auth: auth).register(on: api)
        PaymentPages(services: services).register(on: router)
        ProfileImages(services: services).register(on: router)
        OpenAPIRoutes(services: services).register(on: router)
        return router
    }
}
