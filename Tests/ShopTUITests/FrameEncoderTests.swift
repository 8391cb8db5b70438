import CNCurses
import Foundation
import Glibc
import ShopCore
import StorefrontAPI
import Testing

@testable import ShopTUI

/// The backend's own escape output (`FrameEncoder`) must show exactly the frame, cell for cell: checked on a
/// model terminal for every cell (erased ones included) and on tmux, a real terminal, for the text.
@MainActor
@Suite(.serialized) struct FrameEncoderTests {
    static let supports: [(String, EscapeSupport)] = [("xterm", .xterm), ("tmux", .tmux), ("minimal", .minimal)]

    /// A catalog of 60 products with the selection at `index`.
    static func catalog(_ index: Int, theme: Theme = .default, width: Int = 80, height: Int = 24) -> Shot {
        var s = ScreenFixtures.base
        let names = ScreenFixtures.products
        s.catalog.products = (0..<60).map { i in
            var p = names[i % names.count]
            p.id = "p\(i)"
            p.name = "\(p.name) \(i)"
            return p
        }
        s.catalog.totalRecords = 60
        s.catalog.selectedIndex = index
        return shot(
            TerminalRunner.composeFrame(program: ScreenFixtures.app(s), width: width, height: height, theme: theme))
    }

    /// Frames a session goes through: list steps, scrolling, pages, other screens, wide characters and back.
    static func journey(theme: Theme = .default) -> [Shot] {
        var frames: [Shot] = []
        for i in 0..<24 { frames.append(catalog(i, theme: theme)) }
        for i in [41, 59, 41, 23, 22, 21, 0, 1] { frames.append(catalog(i, theme: theme)) }
        for name in ["cart", "product", "checkout-address", "review", "catalog-search", "orders"] {
            let state = ScreenFixtures.screens.first { $0.0 == name }!.1
            frames.append(
                shot(
                    TerminalRunner.composeFrame(program: ScreenFixtures.app(state), width: 80, height: 24, theme: theme)
                ))
        }
        let demo = DemoProgram()
        _ = demo.handle(.char("?"))
        frames.append(shot(TerminalRunner.composeFrame(program: demo, width: 80, height: 24, theme: theme)))
        frames.append(Shot(buffer: wide(price: "₹1,299"), cursor: CursorPlacement(row: 4, col: 4)))
        frames.append(Shot(buffer: wide(price: "₹21,399"), cursor: nil))
        frames.append(catalog(5, theme: theme))
        return frames
    }

    struct Shot {
        var buffer: CellBuffer
        var cursor: CursorPlacement?
    }

    static func shot(_ f: ShopTUI.Frame) -> Shot { Shot(buffer: f.buffer, cursor: f.cursor) }

    static func wide(price: String) -> CellBuffer {
        // The curses suite's sample (wide, emoji, flag, box, title), and more on top.
        var b = NCursesTests().sampleBuffer(price: price)
        b.write("🇮🇳 café e\u{301}", row: 10, col: 0)
        b.write("中文字", row: 11, col: 78)
        b.fill(Rect(row: 12, col: 0, width: 80, height: 2), style: Style(fg: .white, bg: .blue))
        b.write("under", row: 12, col: 3, style: Style(role: .link))
        b.fill(Rect(row: 14, col: 10, width: 20, height: 1), style: Style(attributes: .reverse))
        return b
    }

    /// Random frames: styled text, blanks of many backgrounds, wide glyphs, at random places.
    static func randomBuffers(count: Int, seed: UInt64) -> [CellBuffer] {
        var rng = Seeded(seed)
        let words = ["tea", "₹549.00", "中文", "👍🏽", "Assam", "   ", "café", "🇮🇳", "x", "long words here"]
        let styles: [Style] = [
            .plain, .role(.selected), .role(.price), .role(.dim), .role(.link), .role(.header),
            Style(fg: .indexed(200), bg: .indexed(17)), Style(bg: .cyan), Style(attributes: [.reverse, .underline]),
            Style(fg: .brightWhite, bg: .brightBlack, attributes: .bold),
        ]
        var out: [CellBuffer] = []
        var b = CellBuffer(width: 40, height: 10)
        for _ in 0..<count {
            for _ in 0..<Int(rng.next() % 6) {
                let r = Int(rng.next() % 10)
                let c = Int(rng.next() % 40)
                switch rng.next() % 4 {
                case 0:
                    b.fill(
                        Rect(row: r, col: c, width: Int(rng.next() % 40), height: Int(rng.next() % 4) + 1),
                        style: styles[Int(rng.next()) % styles.count])
                default:
                    b.write(
                        words[Int(rng.next()) % words.count], row: r, col: c,
                        style: styles[Int(rng.next()) % styles.count])
                }
            }
            if rng.next() % 5 == 0 {
                // A scroll: rows move up or down by one.
                var moved = CellBuffer(width: 40, height: 10)
                let down = rng.next() % 2 == 0
                moved.paste(rowsOf: b, at: down ? 1 : 0)
                if !down {
                    var shifted = CellBuffer(width: 40, height: 10)
                    var tail = CellBuffer(width: 40, height: 9)
                    for r in 0..<9 {
                        for c in 0..<40 where !b[r + 1, c].isContinuation {
                            let cell = b[r + 1, c]
                            tail.put(cell.text, width: Int(cell.width), row: r, col: c, style: cell.style)
                        }
                    }
                    shifted.paste(rowsOf: tail, at: 0)
                    moved = shifted
                }
                b = moved
            }
            out.append(b)
        }
        return out
    }

    struct Seeded {
        var state: UInt64
        init(_ seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
    }

    /// Runs `images` through the encoder on the model terminal; every frame must be shown exactly, the cursor
    /// parked where asked. Returns the bytes per frame.
    @discardableResult
    static func check(
        _ images: [(ScreenImage, (Int, Int))], support: EscapeSupport, label: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> [Int] {
        guard let first = images.first else { return [] }
        let encoder = FrameEncoder(support: support)
        var model = TerminalModel(first.0, bce: support.backgroundColorErase)
        model.row = first.1.0
        model.col = first.1.1
        var state = FrameEncoder.State(row: first.1.0, col: first.1.1, sgr: nil)
        var shown = first.0
        var sizes: [Int] = []
        for (i, (image, cursor)) in images.enumerated().dropFirst() {
            let bytes = encoder.encode(from: shown, to: image, cursor: cursor, state: &state)
            sizes.append(bytes.count)
            if ProcessInfo.processInfo.environment["DUMP_ENCODER"] == "1" {
                print(
                    "\(label) \(i): "
                        + String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\u{1B}", with: "^"))
            }
            model.feed(bytes)
            #expect(model.errors.isEmpty, "\(label) frame \(i): \(model.errors)", sourceLocation: sourceLocation)
            model.errors = []
            for r in 0..<image.height where model.grid[r] != image.rows[r] {
                let col = (0..<image.width).first { model.grid[r][$0] != image.rows[r][$0] }!
                Issue.record(
                    "\(label) frame \(i) row \(r) col \(col): shown \(model.grid[r][col]) wanted \(image.rows[r][col])",
                    sourceLocation: sourceLocation)
                break
            }
            #expect(
                model.row == cursor.0 && model.col == cursor.1 && !model.pendingWrap, "\(label) frame \(i) cursor",
                sourceLocation: sourceLocation)
            #expect(
                state.sgr == nil || state.sgr == model.sgr, "\(label) frame \(i) SGR", sourceLocation: sourceLocation)
            shown = image
        }
        return sizes
    }

    static func image(_ f: Shot, colors: Int = 256) -> (ScreenImage, (Int, Int)) {
        let theme = Theme.default
        let cursor = f.cursor.map { ($0.row, $0.col) } ?? (f.buffer.height - 1, 0)
        return (ScreenImage(f.buffer, theme: theme, colorCount: colors), cursor)
    }

    @Test(arguments: [0, 1, 2])
    func journeyFramesShowExactlyOnTheModelTerminal(_ which: Int) {
        let (label, support) = Self.supports[which]
        for colors in [256, 8] {
            Self.check(
                Self.journey().map { Self.image($0, colors: colors) }, support: support, label: "\(label)/\(colors)")
        }
        let plain = Self.journey(theme: .plainASCII).map {
            (ScreenImage($0.buffer, theme: .plainASCII, colorCount: 0), $0.cursor.map { ($0.row, $0.col) } ?? (23, 0))
        }
        Self.check(plain, support: support, label: "\(label)/ascii")
    }

    @Test(arguments: [0, 1, 2])
    func randomFramesShowExactlyOnTheModelTerminal(_ which: Int) {
        let (label, support) = Self.supports[which]
        for seed in UInt64(1)...6 {
            let images = Self.randomBuffers(count: 150, seed: seed).enumerated().map { i, b in
                (ScreenImage(b, theme: .default, colorCount: 256), (i * 7 % 10, i * 13 % 40))
            }
            Self.check(images, support: support, label: "\(label) seed \(seed)")
        }
    }

    /// A list step writes about the changed text, not both rows: under both terminals' capabilities.
    @Test func aListStepWritesLessThanTwoRows() {
        for (label, support) in Self.supports.prefix(2) {
            let frames = (0..<12).map { Self.image(Self.catalog($0)) }
            let sizes = Self.check(frames, support: support, label: label)
            // Two rows written in full take 170–215 bytes; the long names of the fixture take up to ~190 here.
            #expect(sizes.sorted()[sizes.count / 2] < 140 && sizes.allSatisfy { $0 < 200 }, "\(label): \(sizes)")
        }
    }
}

/// In the curses suite: one terminal session at a time (its tests await with a terminal open).
extension NCursesTests {
    nonisolated static let tmuxAvailable: Bool = {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")
            || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
    }()

    /// The backend draws a journey on a pseudo-terminal (with terminfo `term`); its bytes, frame by frame, are
    /// written into a tmux pane of the same size, whose screen must read as the frame after each one.
    @Test(.enabled(if: tmuxAvailable), arguments: ["tmux-256color", "xterm-256color"])
    func theBackendsBytesShowTheFrameInTmux(_ term: String) async throws {
        let frames = FrameEncoderTests.journey()
        let pty = try #require(PseudoTerminal(rows: 24, cols: 80))
        defer { pty.close() }
        let terminal = try Terminal(
            options: .init(environment: ["TERM": term, "LANG": "C.UTF-8"], capabilities: TerminalCapabilities.none),
            input: pty.input, output: pty.output, inputFD: pty.slave)
        defer { terminal.restore() }
        let support = try #require(terminal.escapeSupport, "the encoder is used on \(term)")
        #expect(support == (term == "xterm-256color" ? .xterm : .tmux))
        let backend = NCursesBackend(terminal: terminal)
        var chunks: [[UInt8]] = [pty.drainBytes()]
        for f in frames {
            backend.present(f.buffer, theme: terminal.theme, cursor: f.cursor)
            chunks[chunks.count - 1] += pty.drainBytes()
            chunks.append([])
        }
        let encoded = chunks.dropFirst().dropLast().map(\.count)
        #expect(backend.lastEncodedBytes != nil)

        let tmux = try await Tmux.start(width: 80, height: 24)
        defer { tmux.stop() }
        for (i, f) in frames.enumerated() {
            tmux.write(chunks[i])
            let want = ScreenImage(f.buffer, theme: terminal.theme, colorCount: Int(sf_colors())).rows.map { row in
                String(decoding: row.flatMap(\.bytes), as: UTF8.self).replacingOccurrences(
                    of: " +$", with: "", options: .regularExpression)
            }
            var got: [String] = []
            for _ in 0..<100 {
                got = tmux.capture()
                if got == want { break }
                // Waits without holding a thread of the cooperative pool (the whole suite shares its few threads).
                try await Task.sleep(for: .milliseconds(20))
            }
            for r in 0..<24 where got.count == 24 && got[r] != want[r] {
                Issue.record("\(term) frame \(i) row \(r):\n  tmux  |\(got[r])|\n  frame |\(want[r])|")
                break
            }
            #expect(got.count == 24, "\(term) frame \(i): \(got.count) rows")
        }
        #expect(!encoded.isEmpty)
    }
}

/// A private tmux server with one pane in raw mode, whose terminal the test writes into directly.
final class Tmux {
    let socket: String
    let fd: Int32

    private init(socket: String, fd: Int32) {
        self.socket = socket
        self.fd = fd
    }

    /// Waits with `Task.sleep`, not `usleep`: a blocked thread of the cooperative pool stalls other tests.
    static func start(width: Int, height: Int) async throws -> Tmux {
        let socket = "sf-enc-\(getpid())-\(Int.random(in: 0..<1_000_000))"
        try Tmux.run(
            socket,
            [
                "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "stty raw -echo; exec sleep 600", ";", "set",
                "-g", "status", "off",
            ])
        var tty = ""
        for _ in 0..<100 {
            tty =
                (try? Tmux.run(socket, ["display-message", "-p", "#{pane_tty}"]))?.trimmingCharacters(
                    in: .whitespacesAndNewlines) ?? ""
            if !tty.isEmpty { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        try await Task.sleep(for: .milliseconds(200))  // stty raw has run
        let fd = open(tty, O_WRONLY | O_NOCTTY)
        guard fd >= 0 else { throw TmuxError.noPane }
        return Tmux(socket: socket, fd: fd)
    }

    enum TmuxError: Error { case noPane, failed(Int32) }

    func write(_ bytes: [UInt8]) {
        var off = 0
        while off < bytes.count {
            let n = bytes[off...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            off += n
        }
    }

    func capture() -> [String] {
        let text = (try? Tmux.run(socket, ["capture-pane", "-p"])) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).prefix(24).map {
            String($0).replacingOccurrences(of: " +$", with: "", options: .regularExpression)
        }
    }

    func stop() {
        close(fd)
        _ = try? Tmux.run(socket, ["kill-server"])
    }

    /// Runs tmux with posix_spawn and waitpid (Foundation's Process can hang waiting on the main thread in tests);
    /// the child gets default signal handling (the runner's threads block signals; tmux reaps panes on SIGCHLD).
    @discardableResult
    static func run(_ socket: String, _ args: [String]) throws -> String {
        // Output into a file: the server that new-session forks would keep a pipe open.
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString)").path
        defer { unlink(out) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        sigdelset(&all, SIGKILL)
        sigdelset(&all, SIGSTOP)
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = (["tmux", "-L", socket, "-f", "/dev/null"] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, "tmux", &actions, &attr, argv, environ) == 0 else { throw TmuxError.failed(-1) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard status == 0 || args.first == "kill-server" else { throw TmuxError.failed(status) }
        return (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
    }
}
