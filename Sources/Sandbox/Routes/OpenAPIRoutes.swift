import Foundation
import Hummingbird

/// `GET /openapi.yaml` (also under the API base path): the OpenAPI 3.1 document of what the sandbox serves.
struct OpenAPIRoutes {
    let services: SandboxServices

    func register(on router: Router<SandboxContext>) {
        router.get("openapi.yaml") { _, _ in try document() }
        router.get(RouterPath("\(SandboxRouter.basePath)/openapi.yaml")) { _, _ in try document() }
    }

    func document() throws -> Response {
        guard let url = services.resources?.appendingPathComponent("openapi.yaml"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { throw APIError.notFound("openapi.yaml not found in the resources directory") }
        return Reply.text(text, contentType: "application/yaml; charset=utf-8")
    }
}
