import CNCurses

/// Terminal display width of text, counted in columns.
///
/// Code point widths come from glibc's `wcwidth` (under C.UTF-8, whatever the process locale is).
/// On top of that, grapheme clusters get the treatment terminals give them:
/// emoji presentation (emoji, `U+FE0F` sequences, ZWJ sequences, flags) is 2 columns; combining marks
/// add nothing; scripts such as Devanagari count one column per spacing code point.
public enum DisplayWidth {
    /// Width of one code point: 0 (combining, zero-width), 1, 2, or -1 when not printable.
    public static func of(scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || v == 0x7F { return -1 }
        if v < 0x7F { return 1 }
        return Int(sf_wcwidth(v))
    }

    /// Width of one grapheme cluster as it lays out on a terminal.
    public static func of(_ grapheme: Character) -> Int {
        if grapheme.utf8.count == 1 { return 1 }  // ASCII (a control character shows as one cell too)
        return cells(of: grapheme).reduce(0) { $0 + $1.width }
    }

    /// Width of a string: the sum over its grapheme clusters.
    public static func of(_ text: some StringProtocol) -> Int {
        // ASCII (most text on screen): one column per byte, without breaking it into grapheme clusters.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.count }
        var total = 0
        for g in text { total += of(g) }
        return total
    }

    /// True when the grapheme is shown as one emoji picture (2 columns).
    public static func isEmojiCluster(_ grapheme: Character) -> Bool {
        let scalars = grapheme.unicodeScalars
        guard let first = scalars.first else { return false }
        if (0x1F1E6...0x1F1FF).contains(first.value) { return scalars.count >= 2 }
        var hasVS16 = false
        var hasZWJ = false
        var hasVS15 = false
        var hasKeycap = false
        for s in scalars {
            switch s.value {
            case 0xFE0F: hasVS16 = true
            case 0xFE0E: hasVS15 = true
            case 0x200D: hasZWJ = true
            case 0x20E3: hasKeycap = true
            default: break
            }
        }
        if hasVS15 { return false }
        let props = first.properties
        if props.isEmojiPresentation { return true }
        if props.isEmoji && (hasVS16 || hasKeycap || hasZWJ) { return true }
        return false
    }

    /// Splits a grapheme into terminal cells: each cell is one spacing code point followed by its
    /// zero-width code points (what a curses `cchar_t` can hold). Emoji clusters stay one 2-column cell.
    /// A cluster without any spacing code point (a lone combining mark) becomes one 1-column cell.
    public static func cells(of grapheme: Character) -> [(text: String, width: Int)] {
        if grapheme.utf8.count == 1 {
            let v = grapheme.utf8.first!
            return v < 0x20 || v == 0x7F ? [("\u{FFFD}", 1)] : [(String(grapheme), 1)]
        }
        if isEmojiCluster(grapheme) { return [(String(grapheme), 2)] }
        var result: [(text: String, width: Int)] = []
        var current = String.UnicodeScalarView()
        var currentWidth = 0
        for s in grapheme.unicodeScalars {
            var w = of(scalar: s)
            if w < 0 {
                // Not printable (control, unassigned): shown as one replacement cell.
                if !current.isEmpty { result.append((String(current), max(currentWidth, 1))) }
                result.append(("\u{FFFD}", 1))
                current = String.UnicodeScalarView()
                currentWidth = 0
                continue
            }
            if s.value == 0x200D || s.value == 0xFE0F || s.value == 0xFE0E { w = 0 }
            if w == 0 {
                if current.isEmpty {
                    current.append(" ")
                    currentWidth = 1
                }
                current.append(s)
            } else {
                if !current.isEmpty { result.append((String(current), currentWidth)) }
                current = String.UnicodeScalarView([s])
                currentWidth = w
            }
        }
        if !current.isEmpty { result.append((String(current), currentWidth)) }
        return result
    }

    /// The longest prefix of `text` that fits in `width` columns (never splitting a cluster).
    public static func prefix(_ text: String, fitting width: Int) -> (text: String, width: Int) {
        var used = 0
        var end = text.startIndex
        for i in text.indices {
            let w = of(text[i])
            if used + w > width { break }
            used += w
            end = text.index(after: i)
        }
        return (String(text[text.startIndex..<end]), used)
    }

    /// `text` cut to `width` columns; when it is cut, the end shows `ellipsis`.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let ew = of(ellipsis)
        if ew > width { return prefix(text, fitting: width).text }
        return prefix(text, fitting: width - ew).text + ellipsis
    }

    /// `text` padded with spaces (or cut with an ellipsis) to exactly `width` columns.
    public static func pad(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        let t = truncate(text, to: width, ellipsis: ellipsis)
        let w = of(t)
        return w < width ? t + String(repeating: " ", count: width - w) : t
    }
}
