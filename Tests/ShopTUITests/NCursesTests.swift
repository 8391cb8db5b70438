import CNCurses
import Dispatch
import Glibc
import Testing

@testable import ShopTUI

/// Real curses on a pseudo-terminal. One screen at a time (curses is global state): serialized.
@MainActor
@Suite(.serialized) struct NCursesTests {
    /// What curses holds at (row, col): the characters of the cell.
    func cursesCell(_ row: Int, _ col: Int) -> String {
        var buf = [wchar_t](repeating: 0, count: 8)
        let n = sf_cell_text(sf_stdscr(), Int32(row), Int32(col), &buf, 8, nil, nil)
        guard n > 0 else { return "" }
        return String(String.UnicodeScalarView(buf.prefix(Int(n)).compactMap { Unicode.Scalar(UInt32($0)) }))
    }

    func sampleBuffer(price: String) -> CellBuffer {
        var b = CellBuffer(width: 80, height: 24)
        HeaderBar.draw(into: &b, title: "Storefront — 中文 👍🏽", right: "cart 2", theme: .default)
        b.box(Rect(row: 2, col: 2, width: 30, height: 5), glyphs: .unicode, title: "नमस्ते")
        b.write("Price \(price)", row: 4, col: 4, style: .role(.price))
        b.write("👨‍👩‍👧 family pack", row: 5, col: 4)
        b.write("🇮🇳 café", row: 10, col: 0)
        return b
    }

    @Test func presentedBufferIsWhatCursesHolds() throws {
        let pty = try #require(PseudoTerminal(rows: 24, cols: 80))
        defer { pty.close() }
        let term = try Terminal(
            options: .init(environment: pty.environment, capabilities: TerminalCapabilities.none),
            input: pty.input, output: pty.output, inputFD: pty.slave)
        defer { term.restore() }
        #expect(term.size.width == 80 && term.size.height == 24)
        #expect(term.isUTF8)
        #expect(sf_flow_control_enabled(pty.slave) == 0, "ctrl-s must reach the program")
        let backend = NCursesBackend(terminal: term)
        let buffer = sampleBuffer(price: "₹1,299")
        backend.present(buffer, theme: term.theme, cursor: CursorPlacement(row: 4, col: 4))
        #expect(backend.lastFrameWasFull)
        #expect(getcury(sf_stdscr()) == 4 && getcurx(sf_stdscr()) == 4)
        let firstBytes = pty.drain()
        #expect(firstBytes > 100)

        for r in 0..<buffer.height {
            for c in 0..<buffer.width {
                let cell = buffer[r, c]
                if cell.isContinuation { continue }
                let expected = PresentationCell(cell)
                let got = cursesCell(r, c)
                #expect(
                    Array(got.unicodeScalars.map(\.value)) == expected.scalars, "cell \(r),\(c): \(cell.text)")
            }
        }
        #expect(cursesCell(4, 4) == "P")
        #expect(cursesCell(0, 14) == "中")
        #expect(cursesCell(10, 0) == "I" && cursesCell(10, 1) == "N")

        // One changed character: only that cell is written, in a few bytes.
        let changed = sampleBuffer(price: "₹1,399")
        backend.present(changed, theme: term.theme, cursor: CursorPlacement(row: 4, col: 4))
        #expect(!backend.lastFrameWasFull)
        #expect(backend.lastWrittenCells == 1)
        let bytes = pty.drain()
        #expect(bytes > 0 && bytes < 40, "one-cell change wrote \(bytes) bytes")
        #expect(cursesCell(4, 13) == "3")

        // Same frame again: nothing to write.
        backend.present(changed, theme: term.theme, cursor: CursorPlacement(row: 4, col: 4))
        #expect(backend.lastWrittenCells == 0)
        #expect(pty.drain() == 0)

        // Explicit full repaint.
        backend.invalidate()
        backend.present(changed, theme: term.theme, cursor: nil)
        #expect(backend.lastFrameWasFull)
        #expect(pty.drain() > 100)
    }

    @Test func restoreIsIdempotent() throws {
        let pty = try #require(PseudoTerminal(rows: 24, cols: 80))
        defer { pty.close() }
        #expect(sf_flow_control_enabled(pty.slave) == 1)
        let term = try Terminal(
            options: .init(environment: ["TERM": "no-such-terminal-xyz"]), input: pty.input, output: pty.output,
            inputFD: pty.slave)
        #expect(term.termName == "xterm-256color")
        #expect(throws: Terminal.OpenError.alreadyOpen) {
            try Terminal(
                options: .init(environment: pty.environment), input: pty.input, output: pty.output,
                inputFD: pty.slave)
        }
        #expect(sf_flow_control_enabled(pty.slave) == 0)
        term.restore()
        #expect(term.isRestored)
        #expect(sf_flow_control_enabled(pty.slave) == 1, "the tty modes are back")
        _ = pty.drain()
        term.restore()
        #expect(pty.drain() == 0)
    }

    @Test func noColorGivesAttributeOnlyTheme() throws {
        let pty = try #require(PseudoTerminal(rows: 24, cols: 80))
        defer { pty.close() }
        var env = pty.environment
        env["NO_COLOR"] = "1"
        let term = try Terminal(
            options: .init(ascii: true, environment: env), input: pty.input, output: pty.output, inputFD: pty.slave)
        defer { term.restore() }
        #expect(term.theme.colorMode == .none)
        #expect(term.theme.glyphs == .ascii)
    }

    @Test func terminalWithoutColoursIsMonochrome() throws {
        let pty = try #require(PseudoTerminal(rows: 24, cols: 80))
        defer { pty.close() }
        let term = try Terminal(
            options: .init(environment: ["TERM": "vt100"]), input: pty.input, output: pty.output, inputFD: pty.slave)
        defer { term.restore() }
        #expect(term.termName == "vt100")
        #expect(!term.hasColors)
        #expect(term.theme.colorMode == .monochrome)
        #expect(term.theme.resolve(.role(.selected)).attributes.contains(.reverse))
    }

    @Test func hyperlinksAndClipboardAreWrittenAfterTheFrame() throws {
        let pty = try #require(PseudoTerminal(rows: 24, cols: 80))
        defer { pty.close() }
        let term = try Terminal(
            options: .init(
                environment: pty.environment, capabilities: TerminalCapabilities(hyperlinks: true, clipboard: true)),
            input: pty.input, output: pty.output, inputFD: pty.slave)
        defer { term.restore() }
        let backend = NCursesBackend(terminal: term)
        var b = CellBuffer(width: 80, height: 24)
        b.write("pay here", row: 3, col: 5, style: .role(.link))
        let link = LinkRegion(row: 3, col: 5, text: "pay here", url: "https://pay.example/1")
        backend.present(b, theme: term.theme, links: [link])
        let written = String(decoding: pty.drainBytes(), as: UTF8.self)
        let first = written.utf8.count
        // The link is laid over the drawn text, wrapped in save/restore cursor so curses' idea of
        // the cursor stays true.
        let overlay =
            TerminalEscapes.saveCursor + TerminalEscapes.moveTo(row: 3, col: 5)
        #expect(written.contains(overlay))
        #expect(written.contains(TerminalEscapes.osc8(url: "https://pay.example/1", text: "pay here")))
        #expect(written.hasSuffix(TerminalEscapes.restoreCursor))
        // Unchanged frame, same link: nothing is written again.
        backend.present(b, theme: term.theme, links: [link])
        #expect(pty.drain() == 0)
        #expect(first > 0)
        #expect(backend.copyToClipboard("hello"))
        #expect(pty.drain() == TerminalEscapes.osc52(copy: "hello").utf8.count)
    }

    @Test func runnerReadsKeysAndQuits() async throws {
        let pty = try #require(PseudoTerminal(rows: 24, cols: 80))
        defer { pty.close() }
        let term = try Terminal(
            options: .init(environment: pty.environment), input: pty.input, output: pty.output, inputFD: pty.slave)
        let drainer = pty.startDraining()
        defer { drainer.cancel() }
        let program = DemoProgram()
        let runner = TerminalRunner(program: program, options: .init(environment: pty.environment))
        pty.type("jj\u{1B}OAa?qq")  // keypad mode: up is ESC O A
        let outcome = await runner.run(on: term)
        #expect(outcome == .quit)
        #expect(term.isRestored)
        #expect(program.receivedKeys == [.char("j"), .char("j"), .up, .char("a"), .char("?"), .char("q"), .char("q")])
        // "?" opened help, the first "q" closed it, the second quit.
        #expect(program.list.selection == 1)
        #expect(program.cart == 1)
        #expect(program.renderedSizes.first == "80x24")
    }

    @Test func runnerEndsOnSignalAndRestores() async throws {
        let pty = try #require(PseudoTerminal(rows: 24, cols: 80))
        defer { pty.close() }
        let term = try Terminal(
            options: .init(environment: pty.environment), input: pty.input, output: pty.output, inputFD: pty.slave)
        let drainer = pty.startDraining()
        defer { drainer.cancel() }
        let runner = TerminalRunner(program: DemoProgram(), options: .init(environment: pty.environment))
        kill(getpid(), SIGTERM)
        while SignalGuard.pendingSignal == 0 { await Task.yield() }
        let outcome = await runner.run(on: term)
        #expect(outcome == .signal(SIGTERM))
        #expect(term.isRestored)
    }

    @Test func resizeBelowMinimumShowsTooSmallAndQStillQuits() async throws {
        let pty = try #require(PseudoTerminal(rows: 24, cols: 80))
        defer { pty.close() }
        let term = try Terminal(
            options: .init(environment: pty.environment), input: pty.input, output: pty.output, inputFD: pty.slave)
        let drainer = pty.startDraining()
        defer { drainer.cancel() }
        let program = DemoProgram()
        let runner = TerminalRunner(program: program, options: .init(environment: pty.environment))
        pty.resize(rows: 10, cols: 30)
        let seen = SignalGuard.windowChanges
        kill(getpid(), SIGWINCH)
        while SignalGuard.windowChanges == seen { await Task.yield() }
        pty.type("xq")
        let outcome = await runner.run(on: term)
        #expect(outcome == .quit)
        #expect(program.receivedKeys.isEmpty, "the too-small screen handles keys itself")
    }

    /// Runs `program` on a 24x80 pseudo-terminal with mouse reporting on, `input` typed first.
    static func runWithMouse(_ program: some TerminalProgram, typing input: String) async throws
        -> TerminalRunner.Outcome
    {
        let pty = try #require(PseudoTerminal(rows: 24, cols: 80))
        defer { pty.close() }
        let term = try Terminal(
            options: .init(mouse: true, environment: pty.environment), input: pty.input, output: pty.output,
            inputFD: pty.slave)
        #expect(term.mouseEnabled)
        let drainer = pty.startDraining()
        defer { drainer.cancel() }
        let runner = TerminalRunner(program: program, options: .init(environment: pty.environment))
        pty.type(input)
        return await runner.run(on: term)
    }

    @Test func mouseWheelArrivesAsMouseKeys() async throws {
        let program = DemoProgram()
        // SGR (1006) mouse report, as xterm-256color's kmous expects: button 65 = wheel down, 1-based col;row.
        let outcome = try await Self.runWithMouse(program, typing: "\u{1B}[<65;10;5Mq")
        #expect(outcome == .quit)
        #expect(program.receivedKeys.first == .mouse(MouseEvent(kind: .wheelDown, row: 4, col: 9)))
        #expect(program.list.selection == 1)
    }

    @Test func aLeftClickOnACatalogRowSelectsItThroughNCurses() async throws {
        let app = ScreenFixtures.app(ScreenFixtures.base)
        let rows = TerminalRunner.composeFrame(program: app, width: 80, height: 24, theme: .default).buffer
            .rowsAsText()
        let row = try #require(rows.firstIndex { $0.contains("Masala Chai Blend") })
        // SGR (1006) press then release of button 1 at column 10 of that row (1-based), as a terminal sends.
        let outcome = try await Self.runWithMouse(app, typing: "\u{1B}[<0;10;\(row + 1)M\u{1B}[<0;10;\(row + 1)mq")
        #expect(outcome == .quit)
        #expect(app.state.catalog.selectedIndex == 3)
        #expect(app.state.currentRoute == .catalog)
    }

    @Test func hangupEndsWithoutWritingToTheTerminal() async throws {
        let pty = try #require(PseudoTerminal(rows: 24, cols: 80))
        defer { pty.close() }
        let term = try Terminal(
            options: .init(environment: pty.environment), input: pty.input, output: pty.output, inputFD: pty.slave)
        let runner = TerminalRunner(program: DemoProgram(), options: .init(environment: pty.environment))
        _ = pty.drain()
        kill(getpid(), SIGHUP)
        while SignalGuard.pendingSignal == 0 { await Task.yield() }  // delivered to any thread
        let outcome = await runner.run(on: term)
        #expect(outcome == .hangup)
        #expect(outcome.exitCode == 129)
        #expect(term.isRestored)
        let after = pty.drainBytes()
        #expect(after.isEmpty, "written after a hang-up: \(String(decoding: after, as: UTF8.self).debugDescription)")
    }

    @Test func cancellingTheTaskEndsTheRun() async throws {
        let pty = try #require(PseudoTerminal(rows: 24, cols: 80))
        defer { pty.close() }
        let term = try Terminal(
            options: .init(environment: pty.environment), input: pty.input, output: pty.output, inputFD: pty.slave)
        let drainer = pty.startDraining()
        defer { drainer.cancel() }
        let runner = TerminalRunner(program: DemoProgram(), options: .init(environment: pty.environment))
        let task = Task { await runner.run(on: term) }
        task.cancel()
        #expect(await task.value == .cancelled)
        #expect(term.isRestored)
    }

    @Test func bracketedPasteThroughCurses() async throws {
        let pty = try #require(PseudoTerminal(rows: 24, cols: 80))
        defer { pty.close() }
        let term = try Terminal(
            options: .init(environment: pty.environment), input: pty.input, output: pty.output, inputFD: pty.slave)
        let enabled = String(decoding: pty.drainBytes(), as: UTF8.self)
        #expect(enabled.contains("\u{1B}[?2004h"))
        let drainer = pty.startDraining()
        defer { drainer.cancel() }
        let program = DemoProgram()
        let runner = TerminalRunner(program: program, options: .init(environment: pty.environment))
        pty.type("\u{1B}[200~hello\rq\u{1B}[201~q")
        let outcome = await runner.run(on: term)
        #expect(outcome == .quit)
        #expect(program.receivedKeys == [.paste("hello\nq"), .char("q")])
    }
}
