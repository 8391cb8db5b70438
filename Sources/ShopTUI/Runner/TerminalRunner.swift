import CNCurses
import Dispatch

/// Owns the event loop of a `TerminalProgram`: opens the terminal, reads keys when stdin is readable
/// (no polling at idle), renders coalesced frames (at most ~60/s), ticks only while the program
/// animates, handles resize, shows the "too small" screen, and always restores the terminal.
///
/// ```swift
/// let runner = TerminalRunner(program: app, options: .init(noColor: flags.noColor))
/// let outcome = try await runner.run()   // returns after quit, a signal, or a hang-up
/// ```
@MainActor
public final class TerminalRunner {
    public enum Outcome: Sendable, Hashable {
        /// The program returned `.quit`.
        case quit
        /// SIGINT or SIGTERM (the number); the terminal is restored.
        case signal(Int32)
        /// SIGHUP or end of input: the terminal is gone; nothing was written after it.
        case hangup
        /// The task running `run()` was cancelled.
        case cancelled

        /// The conventional process exit status: 0 after quit or cancel, 128 + signal otherwise.
        public var exitCode: Int32 {
            switch self {
            case .quit, .cancelled: 0
            case .signal(let n): 128 + n
            case .hangup: 128 + SIGHUP
            }
        }
    }

    public let program: any TerminalProgram
    public let options: Terminal.Options
    /// Minimum time between two frames.
    public var frameInterval: DispatchTimeInterval = .milliseconds(16)
    /// Frame period while the program animates.
    public var animationInterval: DispatchTimeInterval = .milliseconds(100)

    private var terminal: Terminal?
    private var backend: NCursesBackend?
    private var reader = KeyReader()
    private var inputSource: (any DispatchSourceRead)?
    private var wakeSource: (any DispatchSourceRead)?
    private var ticker: (any DispatchSourceTimer)?
    private var continuation: CheckedContinuation<Outcome, Never>?
    private var finished: Outcome?
    /// When the frame asked for by `requestRender` is due; nil when none is waiting.
    private var scheduledFrame: DispatchTime?
    private var lastFrame: DispatchTime = .init(uptimeNanoseconds: 0)
    /// ``TerminalProgram/waits`` when the last frame was composed.
    private var lastFrameWaits = 0
    /// When the first change not yet on the screen was asked to be shown (``requestRender()``).
    private var firstChangeSinceFrame: DispatchTime?
    private var pendingCopies: [String] = []
    private var emptyWakeups = 0
    private var tooSmall = false
    /// Benchmarks only (`STOREFRONT_FRAME_LOG=FILE`): per-key timings; nil, and no work, otherwise.
    private let frameLog = FrameTimingLog.fromEnvironment()
    private var keyTiming: FrameTimingLog.Pending?
    /// Called once, right after the first frame is written: work that can wait until the user sees the
    /// program (the shop starts its in-process store then).
    public var onFirstFrame: (() -> Void)?

    public init(program: any TerminalProgram, options: Terminal.Options = Terminal.Options()) {
        self.program = program
        self.options = options
    }

    /// The theme in use (after `run()` opened the terminal).
    public var theme: Theme? { terminal?.theme }

    /// What the terminal supports beyond curses (after `run()` opened it): whether a copy can be asked for.
    public var capabilities: TerminalCapabilities? { terminal?.capabilities }

    /// Runs until the program quits, a signal arrives, or the task is cancelled. Throws
    /// `Terminal.OpenError` when no terminal can be opened (nothing was changed then).
    public func run() async throws -> Outcome {
        let term = try Terminal(options: options)
        return await run(on: term)
    }

    /// Runs on an already opened terminal (restored when this returns).
    public func run(on term: Terminal) async -> Outcome {
        finished = nil
        scheduledFrame = nil
        tooSmall = false
        emptyWakeups = 0
        pendingCopies = []
        reader = KeyReader()
        terminal = term
        backend = NCursesBackend(terminal: term)
        defer {
            stopSources()
            term.restore()
            terminal = nil
            backend = nil
        }
        let input = DispatchSource.makeReadSource(fileDescriptor: term.inputFD, queue: .main)
        input.setEventHandler { [weak self] in
            MainActor.assumeIsolated { self?.inputReady() }
        }
        inputSource = input
        if term.wakeFD >= 0 {
            let wake = DispatchSource.makeReadSource(fileDescriptor: term.wakeFD, queue: .main)
            wake.setEventHandler { [weak self] in
                MainActor.assumeIsolated { self?.wakeUp() }
            }
            wakeSource = wake
            wake.resume()
        }
        input.resume()
        renderNow()
        if let onFirstFrame {
            self.onFirstFrame = nil
            onFirstFrame()
        }
        let outcome = await withTaskCancellationHandler {
            await withCheckedContinuation { (c: CheckedContinuation<Outcome, Never>) in
                if let finished {
                    c.resume(returning: finished)
                } else {
                    continuation = c
                }
            }
        } onCancel: {
            Task { @MainActor [weak self] in self?.finish(.cancelled) }
        }
        return outcome
    }

    /// Asks for a frame soon (coalesced; at most one per `frameInterval`). Call after state changes
    /// that did not come from a key (an effect finished). A frame that ends a wait (it shows fewer answers awaited
    /// than the last frame did, ``TerminalProgram/waits``) is not held back for the slot: coalescing is for answers
    /// still coming, and that one is what the user waits to see (the catalog 16 ms sooner at start, and not held for
    /// the categories still loading beside it). A change while answers are still awaited (the session's answer,
    /// which starts the catalog's requests; the categories before the products) waits an interval from the first
    /// change since the last frame: what it shows is a spinner's label or a side list, and the awaited answer often
    /// comes within that interval, in the same frame (#18: fewer frames while the catalog loads).
    public func requestRender() {
        scheduleRender(holdingWhileWaiting: true)
    }

    private func scheduleRender(holdingWhileWaiting: Bool) {
        guard finished == nil, terminal != nil else { return }
        let now = DispatchTime.now()
        let changed = firstChangeSinceFrame ?? now
        firstChangeSinceFrame = changed
        let due = Self.nextFrame(
            now: now, lastFrame: lastFrame, interval: frameInterval,
            endsAWait: program.waits < lastFrameWaits,
            holdUntil: holdingWhileWaiting && program.waits > 0 ? changed + frameInterval : nil)
        // One already due no later covers this change; one due later is overtaken (it then finds nothing to do).
        if let scheduled = scheduledFrame, scheduled <= due { return }
        scheduledFrame = due
        let render: @Sendable () -> Void = { [weak self] in
            MainActor.assumeIsolated {
                // A frame written meanwhile (after keys, or an earlier request) already showed this change; a
                // request made since has its own frame (this one was overtaken).
                guard let self, self.scheduledFrame == due else { return }
                self.scheduledFrame = nil
                self.renderNow()
            }
        }
        // Due now: the next turn of the main queue (no timer); else when the slot opens.
        if due > now {
            DispatchQueue.main.asyncAfter(deadline: due, execute: render)
        } else {
            DispatchQueue.main.async(execute: render)
        }
    }

    /// When a frame asked for at `now` is due: at once when it ends a wait; else when the slot (`interval` after
    /// the last frame) opens, and not before `holdUntil` (a change while answers are still awaited).
    static func nextFrame(
        now: DispatchTime, lastFrame: DispatchTime, interval: DispatchTimeInterval, endsAWait: Bool,
        holdUntil: DispatchTime? = nil
    ) -> DispatchTime {
        if endsAWait { return now }
        let due = max(lastFrame + interval, holdUntil ?? now)
        return due <= now ? now : due
    }

    /// After keys: the frame now when the slot is free (the user waits for it), else at the slot.
    private func renderAfterKeys() {
        guard finished == nil, terminal != nil else { return }
        guard lastFrame + frameInterval <= DispatchTime.now() else {
            return scheduleRender(holdingWhileWaiting: false)
        }
        scheduledFrame = nil
        renderNow()
    }

    /// The next frame repaints the whole screen.
    public func requestFullRepaint() {
        backend?.invalidate()
        requestRender()
    }

    /// Composes one frame without a terminal: the program's screen, or the "too small" screen.
    public static func composeFrame(
        program: any TerminalProgram, width: Int, height: Int, theme: Theme
    ) -> Frame {
        var buffer = CellBuffer(width: width, height: height)
        if SizeClass.of(width: width, height: height) == .tooSmall {
            TooSmallScreen.render(into: &buffer, theme: theme)
            return Frame(buffer: buffer, cursor: nil, links: [], tooSmall: true)
        }
        let cursor = program.render(into: &buffer, theme: theme)
        return Frame(buffer: buffer, cursor: cursor, links: program.linkRegions, tooSmall: false)
    }

    /// What a key does while the "too small" screen shows: only quitting.
    public static func tooSmallCommand(for key: Key) -> ProgramCommand {
        switch key {
        case .char("q"), .char("Q"), .ctrl("c"), .escape: .quit
        default: .continue
        }
    }

    // MARK: - Loop

    private func inputReady() {
        guard finished == nil else { return }
        let woke = frameLog == nil ? nil : ContinuousClock.now
        let keys = reader.readAvailable()
        if keys.isEmpty {
            // Readable but nothing to read, again and again: end of input (the tty went away).
            emptyWakeups += 1
            if emptyWakeups >= 16 { finish(.hangup) }
            return
        }
        emptyWakeups = 0
        dispatch(keys)
        if let woke, keyTiming == nil {
            keyTiming = FrameTimingLog.Pending(woke: woke, handled: .now, keys: keys.count)
        }
        renderAfterKeys()
    }

    private func wakeUp() {
        SignalGuard.drainWakePipe()
        let sig = SignalGuard.pendingSignal
        if sig == SIGHUP {
            finish(.hangup)
        } else if sig != 0 {
            finish(.signal(sig))
        } else {
            // SIGWINCH: curses queued KEY_RESIZE; read it now.
            dispatch(reader.readAvailable())
            renderAfterKeys()
        }
    }

    private func dispatch(_ keys: [Key]) {
        for key in keys {
            guard finished == nil else { return }
            if key == .resize {
                // Curses has the new size already; keys after this one are judged against it.
                backend?.invalidate()
                if let size = terminal?.size {
                    tooSmall = SizeClass.of(width: size.width, height: size.height) == .tooSmall
                }
                continue
            }
            let command = tooSmall ? Self.tooSmallCommand(for: key) : program.handle(key)
            switch command {
            case .continue:
                break
            case .quit:
                finish(.quit)
                return
            case .copy(let text):
                pendingCopies.append(text)
            case .redrawAll:
                backend?.invalidate()
            }
        }
    }

    private func renderNow() {
        guard finished == nil, let term = terminal, let backend, term.isAlive else { return }
        let renderStart = frameLog == nil ? nil : ContinuousClock.now
        defer {
            if let renderStart, let frameLog, let pending = keyTiming {
                keyTiming = nil
                frameLog.record(pending, renderStart: renderStart, presented: .now)
            }
        }
        let size = term.size
        let frame = Self.composeFrame(program: program, width: size.width, height: size.height, theme: term.theme)
        tooSmall = frame.tooSmall
        backend.present(frame.buffer, theme: term.theme, cursor: frame.cursor, links: frame.links)
        for text in pendingCopies { backend.copyToClipboard(text) }
        pendingCopies.removeAll()
        lastFrame = DispatchTime.now()
        lastFrameWaits = program.waits
        firstChangeSinceFrame = nil
        updateTicker()
    }

    private func updateTicker() {
        let animate = !tooSmall && program.isAnimating
        if animate, ticker == nil {
            let t = DispatchSource.makeTimerSource(queue: .main)
            t.schedule(deadline: .now() + animationInterval, repeating: animationInterval)
            t.setEventHandler { [weak self] in
                MainActor.assumeIsolated { self?.requestRender() }
            }
            ticker = t
            t.resume()
        } else if !animate, let t = ticker {
            t.cancel()
            ticker = nil
        }
    }

    private func finish(_ outcome: Outcome) {
        guard finished == nil else { return }
        finished = outcome
        stopSources()
        if outcome == .hangup { SignalGuard.markTerminalGone() }
        continuation?.resume(returning: outcome)
        continuation = nil
    }

    private func stopSources() {
        inputSource?.cancel()
        inputSource = nil
        wakeSource?.cancel()
        wakeSource = nil
        ticker?.cancel()
        ticker = nil
    }
}
