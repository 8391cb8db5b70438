/// Raw escape sequences curses does not know about, written after a frame.
public enum TerminalEscapes {
    static let esc = "\u{1B}"
    static let st = "\u{1B}\\"

    /// OSC 8 hyperlink around `text`. Characters that would end the sequence early are removed from
    /// the URL.
    public static func osc8(url: String, text: String) -> String {
        let safeURL = String(url.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F })
        return "\(esc)]8;;\(safeURL)\(st)\(text)\(esc)]8;;\(st)"
    }

    /// OSC 52: asks the terminal to put `text` on the system clipboard.
    public static func osc52(copy text: String) -> String {
        "\(esc)]52;c;\(Base64.encode(Array(text.utf8)))\(st)"
    }

    /// Save cursor + attributes (DECSC) / restore them (DECRC).
    public static let saveCursor = "\u{1B}7"
    public static let restoreCursor = "\u{1B}8"

    /// Absolute cursor move, 0-based arguments.
    public static func moveTo(row: Int, col: Int) -> String {
        "\(esc)[\(row + 1);\(col + 1)H"
    }

    /// SGR for a resolved style (reset first).
    public static func sgr(_ style: ResolvedStyle, colors: Bool) -> String {
        var parts = ["0"]
        if style.attributes.contains(.bold) { parts.append("1") }
        if style.attributes.contains(.dim) { parts.append("2") }
        if style.attributes.contains(.underline) { parts.append("4") }
        if style.attributes.contains(.reverse) { parts.append("7") }
        if colors {
            let fg = style.fg.cursesIndex
            if fg >= 0 { parts.append("38;5;\(fg)") }
            let bg = style.bg.cursesIndex
            if bg >= 0 { parts.append("48;5;\(bg)") }
        }
        return "\(esc)[\(parts.joined(separator: ";"))m"
    }
}

/// What the terminal is likely to do beyond curses, guessed from the environment. Terminals ignore
/// OSC sequences they do not know, but some print garbage, so both are opt-in by detection.
public struct TerminalCapabilities: Sendable, Hashable {
    public var hyperlinks: Bool
    public var clipboard: Bool

    public init(hyperlinks: Bool, clipboard: Bool) {
        self.hyperlinks = hyperlinks
        self.clipboard = clipboard
    }

    public static let none = TerminalCapabilities(hyperlinks: false, clipboard: false)

    /// `STOREFRONT_HYPERLINKS=0|1` and `STOREFRONT_OSC52=0|1` override the guess, and `hyperlinks`
    /// (`--hyperlinks` / `--no-hyperlinks`) overrides both. Inside tmux (`$TMUX`) links are on only when
    /// `tmux` (asked once, only then) is 3.4 or later and its client's terminal has the `hyperlinks` feature.
    public static func detect(
        environment env: [String: String], hyperlinks forced: Bool? = nil,
        tmux: () -> TmuxInfo = TmuxInfo.query
    ) -> TerminalCapabilities {
        let term = env["TERM"] ?? ""
        let program = env["TERM_PROGRAM"] ?? ""
        let knownModern =
            ["iTerm.app", "WezTerm", "vscode", "ghostty", "Hyper", "rio"].contains(program)
            || env["KITTY_WINDOW_ID"] != nil || env["WT_SESSION"] != nil || env["KONSOLE_VERSION"] != nil
            || ["kitty", "ghostty", "wezterm", "foot", "alacritty", "contour"].contains { term.contains($0) }
        let vte = Int(env["VTE_VERSION"] ?? "") ?? 0
        var hyperlinks = knownModern || vte >= 5000
        var clipboard = knownModern || env["TMUX"] != nil || term.hasPrefix("xterm") || term.hasPrefix("tmux")
        if term == "dumb" || term.hasPrefix("vt") || term == "linux" {
            hyperlinks = false
            clipboard = false
        }
        if let v = env["STOREFRONT_OSC52"] { clipboard = v == "1" }
        if let forced {
            hyperlinks = forced
        } else if let v = env["STOREFRONT_HYPERLINKS"] {
            hyperlinks = v == "1"
        } else if !(env["TMUX"] ?? "").isEmpty {
            // tmux, not the outer terminal's variables (inherited by the pane), decides what reaches the screen.
            hyperlinks = tmux().passesHyperlinks
        }
        return TerminalCapabilities(hyperlinks: hyperlinks, clipboard: clipboard)
    }
}

/// Standard base64 (for OSC 52), without Foundation.
enum Base64 {
    private static let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let b0 = bytes[i]
            let b1 = i + 1 < bytes.count ? bytes[i + 1] : 0
            let b2 = i + 2 < bytes.count ? bytes[i + 2] : 0
            out.append(table[Int(b0 >> 2)])
            out.append(table[Int((b0 & 0x03) << 4 | b1 >> 4)])
            out.append(i + 1 < bytes.count ? table[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(i + 2 < bytes.count ? table[Int(b2 & 0x3F)] : UInt8(ascii: "="))
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
