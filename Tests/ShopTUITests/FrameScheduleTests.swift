import Dispatch
import Testing

@testable import ShopTUI

/// When the runner writes a frame asked for by an answer: coalesced to one per slot while answers keep coming, but
/// the frame that ends a wait (the last answer arrived, nothing animates any more) is written at once.
@MainActor @Suite struct FrameScheduleTests {
    let last = DispatchTime(uptimeNanoseconds: 1_000_000_000)
    let interval = DispatchTimeInterval.milliseconds(16)

    @Test func aFreeSlotIsUsedAtOnce() {
        let now = last + .milliseconds(20)
        #expect(TerminalRunner.nextFrame(now: now, lastFrame: last, interval: interval, endsAWait: false) == now)
    }

    @Test func anAnswerInsideTheSlotWaitsForItWhileOthersAreStillComing() {
        let now = last + .milliseconds(5)
        #expect(
            TerminalRunner.nextFrame(now: now, lastFrame: last, interval: interval, endsAWait: false)
                == last + .milliseconds(16))
    }

    @Test func theAnswerThatEndsAWaitIsNotHeldBack() {
        let now = last + .milliseconds(5)
        #expect(TerminalRunner.nextFrame(now: now, lastFrame: last, interval: interval, endsAWait: true) == now)
    }
}
