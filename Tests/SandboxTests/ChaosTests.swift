import Foundation
import Testing

@testable import Sandbox

@Suite("Chaos settings and fault injection")
struct ChaosTests {
    @Test func parsesTheSpec() throws {
        let chaos = try ChaosSettings(parsing: "latency=250,errors=0.1,malformed=0.05,drop=0.01")
        #expect(chaos == ChaosSettings(latencyMs: 250, errorRate: 0.1, malformedRate: 0.05, dropRate: 0.01))
        #expect(
            try ChaosSettings(parsing: "errors=1")
                == ChaosSettings(latencyMs: 0, errorRate: 1, malformedRate: 0, dropRate: 0))
        #expect(try ChaosSettings(parsing: "") == .off)
        #expect(try ChaosSettings(parsing: "off") == .off)
        #expect(try ChaosSettings(parsing: "hold=post:/orders").hold == .init(method: "POST", pathSuffix: "/orders"))
    }

    @Test(arguments: ["latency=-1", "errors=2", "drop=abc", "speed=3", "errors", "hold=/orders", "hold=POST:orders"])
    func rejectsBadSpecs(_ spec: String) {
        #expect(throws: ChaosSettings.ParseError.self) { try ChaosSettings(parsing: spec) }
    }

    /// A held request gets no answer while the server answers the others (a test kills the server meanwhile).
    @Test func aHeldRequestIsNotAnsweredWhileOthersAre() async throws {
        try await TestSandbox.with({
            $0.chaos = ChaosSettings(
                latencyMs: 0, errorRate: 0, malformedRate: 0, dropRate: 0,
                hold: .init(method: "POST", pathSuffix: "/auth/anonymous"))
        }) {
            sandbox in
            let held = Task { try await sandbox.post("/auth/anonymous", headers: ["X-Api-Key": "k"]) }
            let other = try await sandbox.get("/catalog/products")
            #expect(other.status == 401)
            let answered = Task { try? await held.value }
            held.cancel()
            #expect(await answered.value == nil, "the held request was answered")
        }
    }

    @Test func errorsAreInjectedAsServerErrorEnvelopes() async throws {
        try await TestSandbox.with({
            $0.chaos = ChaosSettings(latencyMs: 1, errorRate: 1, malformedRate: 0, dropRate: 0)
        }) {
            sandbox in
            let response = try await sandbox.post("/auth/anonymous", headers: ["X-Api-Key": "k"])
            #expect(response.status == 503)
            #expect(response.code == "SANDBOX_CHAOS")
            #expect(response.body["success"].bool == false)
        }
    }

    @Test func malformedBodiesAreNotJSON() async throws {
        try await TestSandbox.with({
            $0.chaos = ChaosSettings(latencyMs: 0, errorRate: 0, malformedRate: 1, dropRate: 0)
        }) {
            sandbox in
            let response = try await sandbox.post("/auth/anonymous", headers: ["X-Api-Key": "k"])
            #expect(response.status == 200)
            #expect(throws: (any Error).self) { try JSONValue.parse(Data(response.text.utf8)) }
        }
    }

    @Test func droppedConnectionsGiveNoResponse() async throws {
        try await TestSandbox.with({
            $0.chaos = ChaosSettings(latencyMs: 0, errorRate: 0, malformedRate: 0, dropRate: 1)
        }) {
            sandbox in
            await #expect(throws: (any Error).self) {
                _ = try await sandbox.post("/auth/anonymous", headers: ["X-Api-Key": "k"])
            }
        }
    }
}
