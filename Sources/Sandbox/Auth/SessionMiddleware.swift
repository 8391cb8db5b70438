import Hummingbird

/// Verifies the caller of every route in its group against the group's ``AccessPolicy`` and puts the session
/// into ``SandboxContext/session``. A token verified before is not verified again (``VerifiedTokenCache``).
struct SessionMiddleware: RouterMiddleware {
    typealias Context = SandboxContext
    let policy: AccessPolicy
    let auth: Authenticator

    func handle(
        _ request: Request, context: SandboxContext, next: (Request, SandboxContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        context.session = try await auth.session(request, policy: policy)
        return try await next(request, context)
    }
}
