import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A process a test starts and must stop: posix_spawn with a cleared signal mask (`Spawn.start`), output to
/// files, stopped with SIGTERM (then SIGKILL) and reaped.
final class BackgroundProcess {
    let pid: pid_t
    let arguments: [String]
    private var status: Int32?

    init(_ arguments: [String], stdout path: String = "/dev/null", stderr errorPath: String = "/dev/null") throws {
        self.arguments = arguments
        pid = try Spawn.start(arguments, stdout: path, stderr: errorPath)
    }

    /// Waits for the process to end on its own; its exit status (128 + signal when killed).
    func wait() async -> Int32 {
        while true {
            if let status { return status }
            var raw: Int32 = 0
            let result = waitpid(pid, &raw, WNOHANG)
            if result == pid {
                let code = (raw & 0x7f) == 0 ? (raw >> 8) & 0xff : 128 + (raw & 0x7f)
                status = code
                return code
            }
            if result == -1 && errno != EINTR {
                status = -1
                return -1
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
    }

    /// SIGTERM, then SIGKILL if it is still there after a while; always reaped. Safe to call twice.
    func stop() {
        guard status == nil else { return }
        kill(pid, SIGTERM)
        var raw: Int32 = 0
        for _ in 0..<100 {
            if waitpid(pid, &raw, WNOHANG) == pid {
                status = 0
                return
            }
            usleep(50_000)
        }
        kill(pid, SIGKILL)
        while waitpid(pid, &raw, 0) == -1 && errno == EINTR {}
        status = 137
    }

    deinit { stop() }
}

/// A TCP port on loopback that was free a moment ago, chosen below the kernel's ephemeral range (32768 and up):
/// a port the kernel handed out could be given again to any outgoing connection before the server binds it.
func freeLoopbackPort() -> Int {
    for _ in 0..<500 {
        let port = Int.random(in: 20_000..<32_000)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        if bound == 0 { return port }
    }
    return 0
}
