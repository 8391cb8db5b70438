import Foundation
import Sandbox
import Testing

@testable import StorefrontAPI

/// Issue #16 item 4: the open cart is re-read every few seconds; a re-read of an unchanged cart moves no body (the
/// sandbox's `ETag`, `If-None-Match` → `304 Not Modified`, answered from the client's last answer), and a change
/// made elsewhere comes through at the next read.
@Suite("Conditional cart reads against the sandbox", .timeLimit(.minutes(5)))
struct ConditionalCartReadTests {
    @Test("an unchanged cart answers 304 with no body and reads as before; a change answers 200 with the new cart")
    func unchangedThenChanged() async throws {
        let recorder = RecordingTransport()
        try await SandboxHarness.with(transport: recorder) { harness in
            let client = harness.client
            let created = try await client.createCart(items: [CartSandboxTests.line(SandboxHarness.mouse, 1)])
            let first = try await client.cart(id: created.id)
            let again = try await client.cart(id: created.id)
            #expect(again == first)
            let reads = recorder.exchanges.filter { $0.method == "GET" && $0.path.hasSuffix("/carts/\(created.id)") }
            try #require(reads.count == 2)
            let tag = try #require(reads[0].response.headers["etag"])
            #expect(reads[0].request.headers["If-None-Match"] == nil)
            #expect(reads[1].request.headers["If-None-Match"] == tag)
            #expect(reads[1].response.status == 304)
            #expect(reads[1].response.body.isEmpty)

            // Changed (as from another terminal): the next read sends the old tag and gets the new cart.
            _ = try await client.setItem(cartID: created.id, CartSandboxTests.line(SandboxHarness.mouse, 2))
            let changed = try await client.cart(id: created.id)
            #expect(changed.cartItems.first?.quantity == 2)
            let last = try #require(
                recorder.exchanges.last { $0.method == "GET" && $0.path.hasSuffix("/carts/\(created.id)") })
            #expect(last.request.headers["If-None-Match"] == tag)
            #expect(last.response.status == 200)
            #expect(last.response.headers["etag"] != tag)
        }
    }
}
