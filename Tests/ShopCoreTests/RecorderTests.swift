import Foundation
import ShopTestSupport
import Testing

@testable import ShopCore

/// A recorder observes its store (`Store.observe`) until it is closed.
@MainActor @Suite struct RecorderTests {
    @Test func aClosedRecorderNoLongerObservesTheStore() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sf-recorder-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        let store = Store(environment: ShopEnvironment(api: StubAPI(), clock: TestClock()))
        let recorder = try store.record(to: file, store: "test")
        store.send(.setField(.searchQuery, "tea"))
        recorder.close()
        store.send(.setField(.searchQuery, "chai"))
        #expect(recorder.count == 1)
        #expect(recorder.writeError == nil)
        #expect(try Recording.read(contentsOf: file).intents.count == 1)
    }
}
