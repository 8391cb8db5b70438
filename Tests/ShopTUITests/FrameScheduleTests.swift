import Dispatch
import Testing

@testable import ShopTUI

/// When the runner writes a frame asked for by an answer: coalesced to one per slot while answers keep coming, but
/// the frame that ends a wait (it shows fewer answers awaited than the last one) is written at once; a change while
/// answers are still awaited waits an interval from the first change since the last frame.
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

    @Test func aChangeWhileAnswersAreAwaitedIsHeldEvenWhenTheSlotIsFree() {
        let now = last + .milliseconds(40)
        #expect(
            TerminalRunner.nextFrame(
                now: now, lastFrame: last, interval: interval, endsAWait: false, holdUntil: now + .milliseconds(16))
                == now + .milliseconds(16))
        // Held from the first change: one asked for later is due with it, not an interval after itself.
        #expect(
            TerminalRunner.nextFrame(
                now: now + .milliseconds(10), lastFrame: last, interval: interval, endsAWait: false,
                holdUntil: now + .milliseconds(16)) == now + .milliseconds(16))
    }

    @Test func theAnswerThatEndsAWaitIsNotHeldForTheOthers() {
        let now = last + .milliseconds(40)
        #expect(
            TerminalRunner.nextFrame(
                now: now, lastFrame: last, interval: interval, endsAWait: true, holdUntil: now + .milliseconds(16))
                == now)
    }

    @Test func aHoldThatHasPassedIsNoHold() {
        let now = last + .milliseconds(40)
        #expect(
            TerminalRunner.nextFrame(
                now: now, lastFrame: last, interval: interval, endsAWait: false, holdUntil: now - .milliseconds(1))
                == now)
    }
}
