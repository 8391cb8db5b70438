import Foundation
import Testing

@testable import Sandbox

/// Hostile use of the sandbox: forged tokens, oversized input, SQL metacharacters. Every answer is a 4xx with the
/// error envelope, never a 5xx, never data, and the store is intact afterwards.
@Suite struct HostileUseTests {
    static func base64URL(_ text: String) -> String {
        Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    @Test func forgedTokensAreRefused() async throws {
        try await TestSandbox.with { sandbox in
            let real = try await sandbox.anonymous()
            let parts = real.access.split(separator: ".").map(String.init)
            let payload =
                #"{"user_id":"01JJVDHQFT661FYR7CKAH5A","is_anonymous":false,"is_logged_in":true,"exp":4102444800}"#
            let forged = [
                // Someone else's claims under the real signature.
                parts[0] + "." + Self.base64URL(payload) + "." + parts[2],
                // alg none.
                Self.base64URL(#"{"alg":"none","typ":"JWT"}"#) + "." + Self.base64URL(payload) + ".",
                // Signed with another key.
                parts[0] + "." + parts[1] + "." + String(parts[2].reversed()),
                "not-a-jwt", "", String(repeating: "a", count: 8_000),
            ]
            for token in forged {
                let answer = try await sandbox.get("/carts/users/01JJVDHQFT661FYR7CKAH5A", token: token)
                #expect(answer.status == 401, "token \(token.prefix(40)) got \(answer.status)")
                #expect(answer.body["success"].bool == false)
            }
        }
    }

    @Test func sqlMetacharactersAreOnlyText() async throws {
        try await TestSandbox.with { sandbox in
            let session = try await sandbox.anonymous()
            let nasty = [
                "' OR '1'='1", "\"; DROP TABLE products; --", "%' UNION SELECT * FROM users --", "\\", "😀'--",
            ]
            for text in nasty {
                let escaped = String(decoding: try JSONEncoder().encode(text), as: UTF8.self)
                let search = try await sandbox.post(
                    "/catalog/products/search", #"{"query": \#(escaped)}"#, token: session.access)
                #expect(search.status < 500, "search \(text): \(search.status)")
                let coupon = try await sandbox.post(
                    "/carts/no-such-cart/coupon", #"{"coupon_code": \#(escaped)}"#,
                    token: session.access)
                #expect((400..<500).contains(coupon.status), "coupon \(text): \(coupon.status)")
                let login = try await sandbox.post(
                    "/auth/login/email", #"{"email": \#(escaped)}"#, token: session.access)
                #expect((400..<500).contains(login.status), "login \(text): \(login.status)")
                let slug = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "x"
                let product = try await sandbox.get("/catalog/products/\(slug)", token: session.access)
                #expect(product.status == 404, "product \(text): \(product.status)")
            }
            let catalog = try await sandbox.get("/catalog/products?limit=100", token: session.access)
            #expect(catalog.status == 200)
            #expect(catalog.content["pagination"]["total_records"].int == 70, "the catalog changed")
        }
    }

    @Test func oversizedBodiesAndQueriesAreRefusedCleanly() async throws {
        try await TestSandbox.with { sandbox in
            let session = try await sandbox.anonymous()
            let huge = String(repeating: "x", count: 3_000_000)
            let body = try await sandbox.post(
                "/catalog/products/search", #"{"query": "\#(huge)"}"#, token: session.access)
            #expect(body.status == 413, "3 MB body: \(body.status)")
            #expect(body.code == "PAYLOAD_TOO_LARGE")
            let query = try await sandbox.get(
                "/catalog/products?limit=10&category_slug=" + String(repeating: "y", count: 20_000),
                token: session.access)
            #expect(query.status < 500, "20 kB query: \(query.status)")
            let after = try await sandbox.get("/catalog/products?limit=1", token: session.access)
            #expect(after.status == 200, "the server did not survive")
        }
    }
}
