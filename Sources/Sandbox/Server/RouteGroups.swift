import Hummingbird

/// The storefront API's route groups, one per ``AccessPolicy``: the group a route is added to says who may call
/// it, its ``SessionMiddleware`` checks the caller, and the handler finds them in ``SandboxContext/session``.
struct RouteGroups {
    let open: RouterGroup<SandboxContext>
    let apiKey: RouterGroup<SandboxContext>
    let publicRead: RouterGroup<SandboxContext>
    let customer: RouterGroup<SandboxContext>
    let signedIn: RouterGroup<SandboxContext>
    let customerToken: RouterGroup<SandboxContext>
    let reader: RouterGroup<SandboxContext>
    let support: RouterGroup<SandboxContext>

    init(_ api: RouterGroup<SandboxContext>, auth: Authenticator) {
        func group(_ policy: AccessPolicy) -> RouterGroup<SandboxContext> {
            api.group().add(middleware: SessionMiddleware(policy: policy, auth: auth))
        }
        open = group(.open)
        apiKey = group(.apiKey)
        publicRead = group(.publicRead)
        customer = group(.customer)
        signedIn = group(.signedIn)
        customerToken = group(.customerToken)
        reader = group(.reader)
        support = group(.support)
    }
}
