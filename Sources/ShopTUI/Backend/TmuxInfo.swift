import Foundation

/// What the tmux the app runs in says of OSC 8 hyperlinks. tmux before 3.4 drops them; 3.4 and later keep
/// them and pass them on to the outer terminal only when that terminal has the `hyperlinks` feature (from its
/// terminfo's `Hls`, or `set -as terminal-features '*:hyperlinks'`), which `#{client_termfeatures}` lists.
public struct TmuxInfo: Sendable, Hashable {
    /// `tmux -V`: "tmux 3.4", "tmux 3.3a", "tmux next-3.5"; nil when it could not be asked.
    public var version: String?
    /// `#{client_termfeatures}` of the attached client: "256,RGB,title,hyperlinks,…"; nil when unknown.
    public var clientFeatures: String?

    public init(version: String?, clientFeatures: String?) {
        self.version = version
        self.clientFeatures = clientFeatures
    }

    /// Whether a link written in this tmux reaches the outer terminal as a link.
    public var passesHyperlinks: Bool {
        guard let number = version.flatMap(Self.versionNumber), number >= (3, 4) else { return false }
        let features = (clientFeatures ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return features.contains("hyperlinks")
    }

    /// (3, 4) of "tmux 3.4", "3.4", "tmux next-3.5" or "tmux 3.3a" ((3, 3)); nil when there is no number.
    static func versionNumber(_ text: String) -> (Int, Int)? {
        var rest = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        if rest.hasPrefix("tmux ") { rest = rest.dropFirst(5) }
        if rest.hasPrefix("next-") { rest = rest.dropFirst(5) }
        let digits = rest.prefix { $0.isNumber || $0 == "." }
        let parts = digits.split(separator: ".").compactMap { Int($0) }
        guard let major = parts.first else { return nil }
        return (major, parts.count > 1 ? parts[1] : 0)
    }

    /// Asks the tmux server of `$TMUX` (a second at most for each question; nothing when tmux is not found).
    public static func query() -> TmuxInfo {
        TmuxInfo(
            version: run(["tmux", "-V"]),
            clientFeatures: run(["tmux", "display-message", "-p", "#{client_termfeatures}"]))
    }

    private static func run(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let deadline = Date().addingTimeInterval(1)
        while process.isRunning, Date() < deadline { usleep(5_000) }
        if process.isRunning {
            process.terminate()
            return nil
        }
        guard process.terminationStatus == 0 else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
