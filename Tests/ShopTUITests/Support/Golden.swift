import Foundation
import Testing

@testable import ShopTUI

/// Golden files: `Tests/ShopTUITests/Golden/<name>.txt` hold `rowsAsText()` of a buffer, one row per
/// line. A missing file is written (and the test fails once, so it gets looked at); with
/// `UPDATE_GOLDEN=1` every golden is rewritten on purpose.
enum Golden {
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Golden")
    }

    static func text(of buffer: CellBuffer) -> String {
        buffer.rowsAsText().joined(separator: "\n") + "\n"
    }

    static func assert(
        _ buffer: CellBuffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let url = directory.appendingPathComponent("\(name).txt")
        let actual = text(of: buffer)
        let update = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"
        let expected = try? String(contentsOf: url, encoding: .utf8)
        if update || expected == nil {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            if !update {
                Issue.record("golden \(name).txt was missing and has been recorded", sourceLocation: sourceLocation)
            }
            return
        }
        if expected != actual {
            let diff = diffLines(expected ?? "", actual)
            Issue.record(
                "golden \(name).txt differs (UPDATE_GOLDEN=1 rewrites it):\n\(diff)", sourceLocation: sourceLocation)
        }
    }

    private static func diffLines(_ a: String, _ b: String) -> String {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false)
        let y = b.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for i in 0..<max(x.count, y.count) {
            let l = i < x.count ? String(x[i]) : "<none>"
            let r = i < y.count ? String(y[i]) : "<none>"
            if l != r { out.append("row \(i):\n  expected |\(l)|\n  actual   |\(r)|") }
        }
        return out.joined(separator: "\n")
    }
}
