import Foundation
import ShopCore
import StorefrontAPI
import Testing

@testable import ShopTUI

/// Issue #14 item 9: the payment link on a full-width row of its own, `y` saying "Link copied", a failed
/// payment without its spent link, and OSC 8 inside tmux 3.4+.
@MainActor
@Suite struct PaymentLinkTests {
    /// As long as the sandbox's links (`http://127.0.0.1:PORT/sandbox/pay/<26-character id>`).
    static let sandboxLink = "http://127.0.0.1:46497/sandbox/pay/01M8ZGNBB09E99SY48NC13YT7B"

    static func awaiting(link: String = sandboxLink) -> State {
        var state = ScreenGoldenTests.state("payment")
        state.payment.link = link
        return state
    }

    static func text(_ frame: Frame) -> String { frame.buffer.rowsAsText().joined(separator: "\n") }

    @Test(arguments: [(80, 24), (160, 48), (100, 30)])
    func theLinkIsOneFullWidthRowBesideOrAboveTheQRCode(width: Int, height: Int) {
        let app = ScreenFixtures.app(Self.awaiting())
        let frame = TerminalRunner.composeFrame(program: app, width: width, height: height, theme: .default)
        // One region, the whole link, alone on its row: a terminal finds it and a mouse selection takes it whole.
        #expect(frame.links.map(\.text) == [Self.sandboxLink], "\(width)x\(height)")
        let row = try! #require(frame.links.first).row
        #expect(frame.buffer.rowText(row).trimmingCharacters(in: .whitespaces) == Self.sandboxLink)
        #expect(Self.text(frame).contains("▀") || Self.text(frame).contains("█"), "no QR code at \(width)x\(height)")
        #expect(Self.text(frame).contains("Pay in your browser"))
    }

    @Test func onASmallTerminalTheLinkKeepsItsRowsAndTheQRCodeGoes() {
        let app = ScreenFixtures.app(Self.awaiting())
        let frame = TerminalRunner.composeFrame(program: app, width: 40, height: 12, theme: .default)
        // 38 columns: two rows, both links to the whole URL, together the whole link.
        #expect(frame.links.map(\.text).joined() == Self.sandboxLink)
        #expect(frame.links.allSatisfy { $0.url == Self.sandboxLink })
        #expect(!Self.text(frame).contains("█"))
    }

    @Test func ySaysLinkCopiedEvenWhileThePaymentIsPolled() {
        var state = Self.awaiting()
        state.inFlight = [.paymentPolling]
        let app = ScreenFixtures.app(state)
        #expect(app.state.isBusy)
        #expect(app.handle(.char("y")) == .copy(Self.sandboxLink))
        let frame = TerminalRunner.composeFrame(program: app, width: 80, height: 24, theme: .default)
        #expect(frame.buffer.rowText(22).contains("Link copied."), "\(Self.text(frame))")
        // The next key ends it: the spinner of the polling is back.
        _ = app.handle(.char("x"))
        let next = TerminalRunner.composeFrame(program: app, width: 80, height: 24, theme: .default)
        #expect(!next.buffer.rowText(22).contains("Link copied."))
    }

    @Test func aFailedPaymentLeavesNoStaleLinkOrQRCodeAndSaysItOnce() {
        var state = Self.awaiting()
        state.inFlight = [.paymentPolling]
        let store = ScreenFixtures.store(state)
        let app = ShopApp(store: store, storeName: "Chai & Co")
        _ = app.handle(.char("y"))
        store.send(
            .payment(.response(.statusPolled(attempt: 1, PaymentStatus(status: .failed, isRetryAvailable: true)))))
        let frame = TerminalRunner.composeFrame(program: app, width: 80, height: 24, theme: .default)
        let text = Self.text(frame)
        #expect(frame.links.isEmpty)
        #expect(!text.contains("http://") && !text.contains("█") && !text.contains("▀"), "\(text)")
        #expect(!text.contains("Link copied."), "the copy of a spent link is not announced any more")
        #expect(text.components(separatedBy: "failed").count - 1 == 1, "\(text)")
        #expect(text.contains("enter/r retry"))
        #expect(!text.contains("y copy link") && !text.contains("i details"))
    }

    @Test func insideTmuxLinksNeedTmux34AndAnOuterTerminalWithHyperlinks() {
        let tmux = ["TMUX": "/tmp/tmux-0/default,1,0", "TERM": "tmux-256color", "TERM_PROGRAM": "tmux"]
        func detect(_ env: [String: String], _ info: TmuxInfo?, forced: Bool? = nil) -> Bool {
            TerminalCapabilities.detect(environment: env, hyperlinks: forced) {
                guard let info else {
                    Issue.record("tmux was asked although the answer was already known")
                    return TmuxInfo(version: nil, clientFeatures: nil)
                }
                return info
            }.hyperlinks
        }
        #expect(detect(tmux, TmuxInfo(version: "tmux 3.4", clientFeatures: "256,RGB,title,hyperlinks,usstyle")))
        #expect(detect(tmux, TmuxInfo(version: "tmux next-3.6", clientFeatures: "hyperlinks")))
        #expect(!detect(tmux, TmuxInfo(version: "tmux 3.4", clientFeatures: "256,RGB,title")))
        #expect(!detect(tmux, TmuxInfo(version: "tmux 3.3a", clientFeatures: "256,hyperlinks")))
        #expect(!detect(tmux, TmuxInfo(version: nil, clientFeatures: nil)))
        // The outer terminal's variables, inherited by the pane, do not decide: tmux 3.3 drops OSC 8.
        #expect(
            !detect(tmux.merging(["KITTY_WINDOW_ID": "1"]) { $1 }, TmuxInfo(version: "tmux 3.3a", clientFeatures: "")))
        // The flag, then the variable, overrule the guess (and tmux is not asked).
        #expect(!detect(tmux, nil, forced: false))
        #expect(detect(["TERM": "vt100"], nil, forced: true))
        #expect(!detect(["TERM": "xterm-kitty"], nil, forced: false))
        #expect(detect(tmux.merging(["STOREFRONT_HYPERLINKS": "1"]) { $1 }, nil))
        #expect(detect(tmux.merging(["STOREFRONT_HYPERLINKS": "1"]) { $1 }, nil, forced: true))
        #expect(!detect(tmux.merging(["STOREFRONT_HYPERLINKS": "1"]) { $1 }, nil, forced: false))
        // Outside tmux nothing is asked.
        #expect(!detect(["TERM": "xterm-256color"], nil))
    }

    @Test func tmuxVersionsAreRead() {
        #expect(TmuxInfo.versionNumber("tmux 3.4")! == (3, 4))
        #expect(TmuxInfo.versionNumber("tmux 3.3a")! == (3, 3))
        #expect(TmuxInfo.versionNumber("tmux next-3.6")! == (3, 6))
        #expect(TmuxInfo.versionNumber("tmux master") == nil)
    }
}
