import Foundation
import ShopCore
import ShopTestSupport
import StorefrontAPI
import Testing

@testable import ShopTUI

/// Random keys and terminal sizes through the app and every screen, headless: no crash, no hang, and the
/// invariants hold after every key. `FUZZ_KEYS` sets the count (the reliability suite runs 1,000,000).
@MainActor
@Suite struct KeystrokeFuzzTests {
    static var keyCount: Int {
        Int(ProcessInfo.processInfo.environment["FUZZ_KEYS"] ?? "") ?? 5_000
    }

    /// A small deterministic generator, so that a failure can be replayed from its seed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let alphabet: [Key] = {
        var keys: [Key] = [
            .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .backspace, .delete,
            .tab, .backTab, .resize, .ctrl("l"), .ctrl("u"), .function(1), .paste("9876543210"), .paste("₹ नमस्ते 🙂"),
        ]
        keys += "abcdefghijklmnopqrstuvwxyz0123456789/?+-* @.".map { Key.char($0) }
        keys += ["ह", "中", "🙂"].map { Key.char(Character($0)) }
        return keys
    }()

    @Test func randomKeysAndSizesKeepEveryInvariant() async {
        var random = SplitMix(state: 0x5EED_CAFE)
        let sizes = [(40, 12), (80, 24), (160, 48), (1, 1), (39, 11), (120, 30), (500, 200), (60, 15)]
        let starts = ScreenFixtures.screens
        var app = ScreenFixtures.app(starts[0].1, api: .offline)
        var checked = 0
        var quits = 0
        for step in 0..<Self.keyCount {
            // Every key gives the main actor back: the other suites' stores share it, and a fuzz run that held it
            // for its whole loop starved them (their effects waited a minute in the full suite).
            await Task.yield()
            if step % 500 == 0 {
                // A fresh app on another screen now and then; let pending effects deliver their answers.
                app.store.cancelAll()
                app = ScreenFixtures.app(starts[Int.random(in: 0..<starts.count, using: &random)].1, api: .offline)
                await Task.yield()
            }
            let key = Self.alphabet[Int.random(in: 0..<Self.alphabet.count, using: &random)]
            if app.handle(key) == .quit {
                quits += 1
                continue
            }
            if step % 7 == 0 {
                let (width, height) = sizes[Int.random(in: 0..<sizes.count, using: &random)]
                let theme = step % 2 == 0 ? Theme.default : Theme.plainASCII
                let frame = TerminalRunner.composeFrame(program: app, width: width, height: height, theme: theme)
                #expect(frame.buffer.width == width && frame.buffer.height == height)
                if let cursor = frame.cursor, cursor.visible {
                    #expect(
                        cursor.row >= 0 && cursor.row < height && cursor.col >= 0 && cursor.col < width,
                        "cursor \(cursor) outside \(width)x\(height) after \(key) at step \(step)")
                }
                checked += 1
            }
            let state = app.store.state
            #expect(!state.route.isEmpty, "empty route stack at step \(step)")
            #expect(
                state.catalog.selectedIndex >= 0
                    && (state.catalog.products.isEmpty
                        || state.catalog.selectedIndex
                            < max(
                                state.catalog.products.count, state.catalog.results.count)),
                "catalog selection \(state.catalog.selectedIndex) out of range at step \(step)")
            #expect(
                state.cart.lines.isEmpty || (0..<state.cart.lines.count).contains(state.cart.selectedIndex),
                "cart selection \(state.cart.selectedIndex) of \(state.cart.lines.count) at step \(step)")
            #expect(state.cart.lines.allSatisfy { $0.item.quantity >= 0 }, "negative quantity at step \(step)")
        }
        app.store.cancelAll()
        #expect(checked > Self.keyCount / 10)
        print("fuzz: \(Self.keyCount) keys, \(checked) frames checked, \(quits) quits")
    }
}
