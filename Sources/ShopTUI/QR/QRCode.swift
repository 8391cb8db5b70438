import CQREncode

/// QR codes (payment links) through libqrencode, drawn as text.
public enum QRCode {
    /// The module matrix (true = dark), quiet zone included; nil when the text cannot be encoded
    /// (empty, or too long for a QR code).
    public static func modules(for text: String, quietZone: Int = 2) -> [[Bool]]? {
        guard !text.isEmpty else { return nil }
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let n = Int(code.pointee.width)
        let data = code.pointee.data!
        let size = n + 2 * quietZone
        var m = Array(repeating: Array(repeating: false, count: size), count: size)
        for y in 0..<n {
            for x in 0..<n where data[y * n + x] & 1 != 0 {
                m[y + quietZone][x + quietZone] = true
            }
        }
        return m
    }

    /// The QR code of `text` as lines of text.
    ///
    /// Unicode: half blocks (▀ ▄ █ and space), two module rows per text row, one column per module.
    /// ASCII: "##" or "  " per module, one module row per text row.
    /// Blocks draw the LIGHT modules (and the quiet zone), as `qrencode -t UTF8` does: on a dark
    /// terminal the code reads dark-on-light. Draw it with a light foreground on a dark background
    /// (e.g. `Style(fg: .white, bg: .black)`) to be right on light terminals too.
    public static func lines(for text: String, ascii: Bool, quietZone: Int = 2) -> [String]? {
        guard let m = modules(for: text, quietZone: quietZone) else { return nil }
        let size = m.count
        if ascii {
            return m.map { row in row.map { $0 ? "  " : "##" }.joined() }
        }
        var out: [String] = []
        var y = 0
        while y < size {
            var line = ""
            for x in 0..<size {
                let top = !m[y][x]
                let bottom = y + 1 < size ? !m[y + 1][x] : false
                switch (top, bottom) {
                case (true, true): line += "█"
                case (true, false): line += "▀"
                case (false, true): line += "▄"
                case (false, false): line += " "
                }
            }
            out.append(line)
            y += 2
        }
        return out
    }
}
