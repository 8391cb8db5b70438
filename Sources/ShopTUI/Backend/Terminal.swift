import CNCurses
import Foundation

/// The session with the real terminal: locale, curses set-up, colours, mouse, signals, and a
/// `restore()` that always puts the terminal back (idempotent; also at exit and on signals).
@MainActor
public final class Terminal {
    public struct Options: Sendable {
        /// `--no-color` (`NO_COLOR` in the environment is honoured too).
        public var noColor: Bool
        /// `--ascii`: plain ASCII glyphs even in a UTF-8 locale.
        public var ascii: Bool
        /// Mouse reporting (click + wheel). Off by default: it breaks the terminal's text selection.
        public var mouse: Bool
        /// The environment to decide from (`TERM`, `NO_COLOR`, terminal-program variables).
        public var environment: [String: String]
        /// Overrides the guessed OSC 8 / OSC 52 support.
        public var capabilities: TerminalCapabilities?
        /// `--hyperlinks` / `--no-hyperlinks`: OSC 8 links on or off whatever the guess (nil: guess).
        public var hyperlinks: Bool?
        /// Bracketed paste: pasted text arrives as one `Key.paste` instead of keystrokes.
        public var bracketedPaste: Bool

        public init(
            noColor: Bool = false, ascii: Bool = false, mouse: Bool = false,
            environment: [String: String] = ProcessInfo.processInfo.environment,
            capabilities: TerminalCapabilities? = nil, bracketedPaste: Bool = true, hyperlinks: Bool? = nil
        ) {
            self.hyperlinks = hyperlinks
            self.bracketedPaste = bracketedPaste
            self.noColor = noColor
            self.ascii = ascii
            self.mouse = mouse
            self.environment = environment
            self.capabilities = capabilities
        }
    }

    public enum OpenError: Error, Equatable, CustomStringConvertible {
        case notATerminal
        case unknownTerminal(tried: [String])
        case alreadyOpen

        public var description: String {
            switch self {
            case .notATerminal: "storefront needs an interactive terminal (stdin is not a tty)"
            case .unknownTerminal(let tried):
                "cannot use this terminal (tried TERM=\(tried.joined(separator: ", ")))"
            case .alreadyOpen: "a terminal session is already open"
            }
        }
    }

    /// Whether stdin is a terminal. When it is not, the caller prints one line and exits with 2.
    nonisolated public static var stdinIsTerminal: Bool { isatty(0) != 0 }

    /// Whether stdout is a terminal (the screen would otherwise be written into a pipe or file).
    nonisolated public static var stdoutIsTerminal: Bool { isatty(1) != 0 }

    /// The terminal types to try, in order: `$TERM`, then xterm-256color, xterm, vt100.
    nonisolated public static func candidateTerminalNames(environment: [String: String]) -> [String] {
        var names: [String] = []
        if let t = environment["TERM"], !t.isEmpty, t != "dumb" { names.append(t) }
        for n in ["xterm-256color", "xterm", "vt100"] where !names.contains(n) { names.append(n) }
        return names
    }

    private static var isOpen = false

    public let termName: String
    public let isUTF8: Bool
    public let hasColors: Bool
    public let capabilities: TerminalCapabilities
    public let theme: Theme
    public let mouseEnabled: Bool
    public let bracketedPaste: Bool
    /// What the backend's own frame encoder may write (nil: frames go through curses' `doupdate`): from terminfo,
    /// only when it uses the ECMA-48/xterm forms and the locale is UTF-8. `STOREFRONT_ESCAPES=curses` turns it off.
    public let escapeSupport: EscapeSupport?
    /// The fd keys are read from, and the read end of the signal wake pipe.
    public let inputFD: Int32
    public let wakeFD: Int32

    let screen: OpaquePointer
    let output: UnsafeMutablePointer<FILE>
    private var restored = false

    /// Opens curses on stdin/stdout.
    public convenience init(options: Options = Options()) throws {
        guard Terminal.stdinIsTerminal else { throw OpenError.notATerminal }
        try self.init(options: options, input: sf_stdin(), output: sf_stdout(), inputFD: 0)
    }

    /// Opens curses on explicit streams (tests use a pseudo-terminal).
    public init(
        options: Options, input: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>, inputFD: Int32
    ) throws {
        guard !Terminal.isOpen else { throw OpenError.alreadyOpen }
        isUTF8 = sf_setup_locale() == 1
        SignalGuard.prepare(ttyFD: inputFD)

        let names = Terminal.candidateTerminalNames(environment: options.environment)
        var opened: (OpaquePointer, String)?
        for name in names {
            if let s = sf_newterm_files(name, output, input) {
                opened = (s, name)
                break
            }
        }
        guard let (scr, name) = opened else { throw OpenError.unknownTerminal(tried: names) }
        screen = scr
        termName = name
        self.output = output
        self.inputFD = inputFD
        set_term(scr)
        Terminal.isOpen = true

        cbreak()
        noecho()
        nonl()
        intrflush(sf_stdscr(), false)
        keypad(sf_stdscr(), true)
        nodelay(sf_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        sf_disable_flow_control(inputFD)  // ctrl-s must not freeze the screen

        hasColors = has_colors()
        let mode = ColorMode.decide(
            environment: options.environment, noColorFlag: options.noColor, terminalHasColors: hasColors)
        if mode == .color {
            start_color()
            use_default_colors()
        }
        theme = Theme(colorMode: mode, glyphs: (options.ascii || !isUTF8) ? .ascii : .unicode)
        let bits = sf_escape_support(mode == .color ? 1 : 0)
        if bits & 1 != 0, isUTF8, options.environment["STOREFRONT_ESCAPES"] != "curses" {
            escapeSupport = EscapeSupport(
                eraseChars: bits & 2 != 0, repeatChar: bits & 4 != 0, backgroundColorErase: bits & 8 != 0,
                scrollRegion: bits & 16 != 0)
        } else {
            escapeSupport = nil
        }

        mouseEnabled = options.mouse
        if options.mouse {
            let mask =
                sf_button1_clicked() | sf_button1_double_clicked() | sf_button1_pressed() | sf_button1_released()
                | sf_button3_clicked() | sf_button4_pressed() | sf_button5_pressed()
            mousemask(mask, nil)
        }
        capabilities =
            options.capabilities
            ?? TerminalCapabilities.detect(environment: options.environment, hyperlinks: options.hyperlinks)
        bracketedPaste = options.bracketedPaste
        wakeFD = SignalGuard.install()
        if options.bracketedPaste {
            sf_define_paste_keys(Int32(KeyDecoder.Code.pasteStart), Int32(KeyDecoder.Code.pasteEnd))
            writeRaw("\u{1B}[?2004h")
        }
    }

    /// The current size in cells.
    public var size: (width: Int, height: Int) {
        (Int(getmaxx(sf_stdscr())), Int(getmaxy(sf_stdscr())))
    }

    /// Whether the terminal is still there (false after SIGHUP).
    public var isAlive: Bool { SignalGuard.ttyActive }

    /// Leaves curses mode and puts the terminal back as it was. Safe to call more than once.
    /// After a hang-up nothing is written (the terminal is gone).
    public func restore() {
        guard !restored else { return }
        restored = true
        let alive = SignalGuard.ttyActive
        SignalGuard.uninstall()
        if alive {
            if mouseEnabled { mousemask(0, nil) }
            if bracketedPaste { writeRaw("\u{1B}[?2004l") }
            // The frame encoder may have left colours on that curses does not know of.
            writeRaw("\u{1B}[m")
            curs_set(1)
            endwin()
            delscreen(screen)
        }
        // After a hang-up the screen is left alone: even freeing it would flush curses' output buffer.
        Terminal.isOpen = false
    }

    public var isRestored: Bool { restored }

    /// Bytes curses does not know about, straight to the terminal.
    func writeRaw(_ s: String) {
        var bytes = Array(s.utf8)
        _ = bytes.withUnsafeMutableBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) {
                sf_write_raw(output, $0, p.count)
            }
        }
    }
}
