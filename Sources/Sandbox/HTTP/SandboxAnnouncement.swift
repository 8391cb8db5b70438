import Hummingbird

/// Every answer says that it comes from a sandbox (`x-storefront-sandbox: true`): the client asks for OTPs in
/// answers (`x-debug-mode`) only from a store that says so, never from a real store. See SANDBOX.md.
struct SandboxAnnouncement<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var response = try await next(request, context)
        response.headers[.init("x-storefront-sandbox")!] = "true"
        return response
    }
}
