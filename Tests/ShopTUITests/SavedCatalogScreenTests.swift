import Foundation
import ShopCore
import ShopTestSupport
import StorefrontAPI
import Testing

@testable import ShopTUI

/// The catalog drawn from the page an earlier run saved says so until the store's page replaces it.
@MainActor
@Suite struct SavedCatalogScreenTests {
    static func text(_ state: State, width: Int = 80, height: Int = 24, theme: Theme = .default) -> String {
        let frame = TerminalRunner.composeFrame(
            program: ScreenFixtures.app(state), width: width, height: height, theme: theme)
        return frame.buffer.rowsAsText().joined(separator: "\n")
    }

    static func savedCopy() -> State {
        var state = ScreenFixtures.screens.first { $0.0 == "catalog" }!.1
        state.session = .starting
        state.inFlight = [.session]
        state.catalog.showsSavedCopy = true
        return state
    }

    @Test func aSavedCopyIsMarkedRefreshingWhileTheStoreIsAskedAtEveryWidth() {
        let state = Self.savedCopy()
        for (w, h) in [(40, 12), (80, 24), (160, 48)] {
            let text = Self.text(state, width: w, height: h)
            #expect(text.contains("refreshing…"), "\(w)x\(h)")
            #expect(text.contains("Darjeeling First Flush"), "\(w)x\(h)")
        }
        let ascii = Self.text(state, theme: .plainASCII)
        #expect(ascii.contains("refreshing..."))
        #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII || $0 == "₹" })
        // While the first page is being read after the session started, too.
        var loading = state
        loading.session = .ready(Fixtures.guest)
        loading.inFlight = [.products]
        loading.catalog.isLoading = true
        #expect(Self.text(loading).contains("refreshing…"))
    }

    @Test func aSavedCopyTheStoreDidNotReplaceSaysSoAndTheAnswerIsUnmarked() {
        var failed = Self.savedCopy()
        failed.session = .failed(.network("offline"))
        failed.inFlight = []
        let text = Self.text(failed)
        #expect(text.contains("saved copy"))
        #expect(!text.contains("refreshing"))
        var answered = Self.savedCopy()
        answered.session = .ready(Fixtures.guest)
        answered.inFlight = []
        answered.catalog.showsSavedCopy = false
        let plain = Self.text(answered)
        #expect(!plain.contains("refreshing") && !plain.contains("saved copy"))
    }
}
