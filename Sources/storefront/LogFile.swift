import ArgumentParser
import Foundation
import Logging

/// A log file shared by every logger.
final class LogFile: Sendable {
    let handle: FileHandle

    init(path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw ValidationError("cannot write the log file \(path)")
        }
        handle.seekToEndOfFile()
        self.handle = handle
    }

    func write(_ line: String) {
        handle.write(Data(line.utf8))
    }
}

/// swift-log to a file: one line per message.
struct FileLogHandler: LogHandler {
    let label: String
    let file: LogFile
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    init(label: String, file: LogFile) {
        self.label = label
        self.file = file
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let time = Date().formatted(.iso8601)
        file.write("\(time) \(event.level) \(label): \(event.message)\n")
    }
}
