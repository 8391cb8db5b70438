import Foundation
import Testing

/// What the end-to-end reliability tests read off a tmux screen: whether a frame is whole for the window's
/// size, whether the app settled, and the cart it shows.
extension TmuxSession {
    /// The window's size as tmux has it.
    func windowSize() throws -> (width: Int, height: Int) {
        (Int(try format("window_width")) ?? 0, Int(try format("window_height")) ?? 0)
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// Sends `q` and checks that the shop ended with status 0 and gave the terminal back (the shell line after
    /// it printed `app-exit=`; no alternate screen; the cursor shown).
    func quitRestoringTheTerminal(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try send("q")
        let after = try await waitFor { $0.contains("app-exit=") }
        #expect(after.contains("app-exit=0"), "\(after)", sourceLocation: sourceLocation)
        #expect(try format("alternate_on") == "0", "the alternate screen was not left", sourceLocation: sourceLocation)
        #expect(try format("cursor_flag") == "1", "the cursor was left hidden", sourceLocation: sourceLocation)
    }

    /// Polls until three captures in a row are the same (the app drew and waits; a spinner keeps changing).
    /// Gives up after `attempts` captures and returns the last one either way.
    func settled(attempts: Int = 100) async throws -> String {
        var last = try capture()
        var same = 0
        for _ in 0..<attempts {
            try await Task.sleep(for: .milliseconds(100))
            let screen = try capture()
            same = screen == last ? same + 1 : 0
            last = screen
            if same >= 2 { return screen }
        }
        return last
    }
}

enum ScreenChecks {
    /// A frame drawn for `width`x`height`: at 40x12 and above the header (first row) and the footer of key
    /// hints (last row) are there and the "too small" screen is not; below it, the "too small" screen or what
    /// of it fits. At 1x1 anything goes: the one cell is the bottom-right corner, which curses cannot write
    /// without scrolling, and tmux shows it blank or garbled (seen: "Ȁ" for the "…" drawn there).
    static func isWholeFrame(_ screen: String, width: Int, height: Int) -> Bool {
        let rows = screen.components(separatedBy: "\n")
        guard rows.count >= height else { return false }
        if width == 1 && height == 1 { return true }
        let blank = { (row: String) in row.trimmingCharacters(in: .whitespaces).isEmpty }
        if width >= 40 && height >= 12 {
            return !blank(rows[0]) && !blank(rows[height - 1]) && !screen.contains("Terminal too small")
        }
        if height >= 4 && width >= 18 { return screen.contains("Terminal too small") }
        return rows.prefix(height).contains { !blank($0) }
    }

    /// Whether the shop left the screen (the wrapping shell printed its exit status).
    static func appExited(_ screen: String) -> Bool { screen.contains("app-exit=") }

    /// The cart lines a screen shows as (quantity, line total), e.g. "1 × ₹349.00  ₹349.00" → (1, "₹349.00").
    static func cartLines(onScreen screen: String) -> [CartLine] {
        matches(#"([0-9]+) × \S+\s+(\S*[0-9]\.[0-9]{2})\s*$"#, in: panels(screen)).map {
            CartLine(quantity: $0[0], total: $0[1])
        }
    }

    /// The lines `storefront cart show` prints: NAME … × QUANTITY … LINE TOTAL.
    static func cartLines(inCartShow output: String) -> [CartLine] {
        matches(#"× ([0-9]+)\s+(\S*[0-9]\.[0-9]{2})\s*$"#, in: output).map { CartLine(quantity: $0[0], total: $0[1]) }
    }

    /// The amount on the line that starts with `label` (case-insensitive), e.g. "To be paid … ₹479.02".
    static func amount(_ label: String, in text: String) -> String? {
        for line in panels(text).split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.lowercased().hasPrefix(label.lowercased()) else { continue }
            return trimmed.split(separator: " ").last.map(String.init)
        }
        return nil
    }

    /// The rows of a totals panel (order detail, cart, review) in paise, top to bottom: label and amount
    /// ("free" shipping is 0). The last is "To be paid" (or "Paid").
    static func totalsRows(_ screen: String) -> [(label: String, paise: Int)] {
        let labels = ["Subtotal", "Discounts", "Tax", "Shipping", "Loyalty", "Credit", "Gift card", "Other"]
        var rows: [(String, Int)] = []
        for line in panels(screen).split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard
                labels.contains(where: { trimmed.hasPrefix($0) }) || trimmed.hasPrefix("To be paid")
                    || trimmed.hasPrefix("Paid ")
            else { continue }
            let last = trimmed.split(separator: " ").last.map(String.init) ?? ""
            let digits = last.filter { $0.isNumber }
            let value = last == "free" ? 0 : (Int(digits) ?? 0) * (last.hasPrefix("-") ? -1 : 1)
            rows.append((trimmed.components(separatedBy: "  ").first ?? trimmed, value))
        }
        return rows
    }

    /// The screen with side-by-side panels (lines │ summary on a wide cart) as one line per panel row.
    static func panels(_ screen: String) -> String {
        screen.components(separatedBy: "\n").flatMap { $0.components(separatedBy: "│") }.joined(separator: "\n")
    }

    struct CartLine: Hashable, Comparable, CustomStringConvertible {
        var quantity: String
        var total: String
        static func < (a: CartLine, b: CartLine) -> Bool { (a.quantity, a.total) < (b.quantity, b.total) }
        var description: String { "\(quantity) × … \(total)" }
    }

    /// Every match of `pattern` (anchored per line) with its capture groups.
    static func matches(_ pattern: String, in text: String) -> [[String]] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines]) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (1..<match.numberOfRanges).compactMap { Range(match.range(at: $0), in: text).map { String(text[$0]) } }
        }
    }

    static func firstMatch(_ pattern: String, in text: String) -> String? {
        matches(pattern, in: text).first?.first
    }
}
