import Foundation
import Sandbox
import ShopCore
import StorefrontAPI
import Testing

/// The step-wise replay the TUI view plays: one intent per `advance()`, the same report as the one-shot replay.
@Suite(.serialized) @MainActor struct ReplaySessionTests {
    typealias Site = ReplayTests.Site

    @Test func steppingOneIntentAtATimeEndsWithTheOneShotReport() async throws {
        let first = try await Site()
        let file = ReplayTests.recordingFile()
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try await ReplayTests.recordCheckout(on: first, to: file)
        await first.close()
        let recording = try Recording.read(contentsOf: file)

        let oneShotSite = try await Site()
        let oneShot = await Replayer(recording: recording, api: .live(oneShotSite.client()), options: .patient).run()
        await oneShotSite.close()
        #expect(oneShot.isSame, "\(oneShot.headline)")

        let site = try await Site()
        let session = ReplaySession(recording: recording, api: .live(site.client()), options: .patient)
        #expect(session.step == 0 && session.totalSteps == recording.intents.count)
        #expect(session.nextIntent == "appStarted")
        #expect(!session.isFinished)
        var more = true
        while more {
            let before = session.step
            let next = session.nextIntent
            more = await session.advance()
            #expect(session.step == before + 1)
            #expect(session.lastIntent != "select", "Enter is named by what it did")
            #expect(session.lastIntent == next)
            #expect(session.isFinished == !more)
            #expect(session.firstDifferences == nil)
        }
        #expect(session.step == recording.intents.count)
        #expect(session.nextIntent == nil)
        #expect(session.report == oneShot)
        // The live store the view draws holds the replayed order, like the recorded state.
        #expect(ReplayFingerprint(session.store.state) == ReplayFingerprint(session.recorded))
        #expect(session.store.state.payment.phase == .awaiting)
        // Finished: nothing more happens.
        #expect(await session.advance() == false)
        #expect(session.step == recording.intents.count)
        session.close()
        await site.close()
    }

    @Test func enterIsNamedByWhatItDidOnItsScreen() {
        var state = State()
        state.route = [.catalog, .product(id: "p1")]
        #expect(Replayer.summary(.select, in: state) == "product.addToCart")
        state.route = [.catalog, .cart]
        #expect(Replayer.summary(.select, in: state) == "checkout.start")
        state.route = [.catalog, .login]
        #expect(Replayer.summary(.select, in: state) == "session.requestOTP")
        state.route = [.catalog, .orderDetail(orderNumber: "1")]
        #expect(Replayer.summary(.select, in: state) == "select", "Enter does nothing there")
    }

    @Test func aChangedPriceStopsTheSessionAtTheStepThatAddsTheProduct() async throws {
        let first = try await Site()
        let file = ReplayTests.recordingFile()
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try await ReplayTests.recordCheckout(on: first, to: file)
        await first.close()
        let recording = try Recording.read(contentsOf: file)
        let addToCart = try #require(recording.intents.firstIndex { $0.action == .product(.view(.addToCart)) }) + 1

        let site = try await Site()
        try await site.alter(
            "UPDATE product SET selling_price = selling_price + 10000 WHERE id = ?", [ReplayTests.mouse])
        let session = ReplaySession(recording: recording, api: .live(site.client()), options: .patient)
        while await session.advance() {
            #expect(session.firstDifferences == nil, "a difference before the product was added")
        }
        #expect(session.isFinished)
        #expect(session.step == addToCart)
        #expect(session.lastIntent == "product.addToCart")
        #expect(session.step < session.totalSteps)
        let differences = try #require(session.firstDifferences)
        let price = try #require(differences.first { $0.key == "cart.line[Glide Wireless Mouse].unit_price" })
        #expect(price.recorded == Money(minorUnits: 89_900).formatted())
        #expect(price.replayed == Money(minorUnits: 99_900).formatted())
        // Paused there: the live store shows the new price, the recorded state the old one.
        #expect(session.store.state.cart.lines.first?.item.sellingPrice == Money(minorUnits: 99_900))
        #expect(session.recorded.cart.lines.first?.item.sellingPrice == Money(minorUnits: 89_900))
        #expect(session.report.headline.hasPrefix("first difference after intent #\(addToCart) (product.addToCart): "))
        #expect(session.report.intentsReplayed == addToCart)
        #expect(await session.advance() == false)
        #expect(session.step == addToCart)
        session.close()
        await site.close()
    }
}
