/// The `sshd_config` of a dedicated kiosk sshd: one port, one user, the shop as the only command.
///
/// It is a whole configuration for its own sshd instance (`sshd -f DIR/sshd_config`), so the machine's own
/// sshd on port 22 is left as it is. Every forwarding is off, there is no shell (ForceCommand), no sftp
/// subsystem, no user environment or rc files; `ExposeAuthInfo` tells the session which key logged in.
public struct SSHDConfig: Sendable, Hashable {
    public var port: Int
    public var listenAddress: String
    /// The only account that may log in (e.g. `demo`).
    public var user: String
    /// The kiosk folder: host key, pid file, the authorized-keys helper, the settings.
    public var directory: String
    /// The absolute path of the `storefront` binary.
    public var binary: String
    /// Accept any public key (the helper echoes the offered key back) — or only the keys in this file.
    public var authorizedKeysFile: String?

    public init(
        port: Int, listenAddress: String, user: String, directory: String, binary: String,
        authorizedKeysFile: String? = nil
    ) {
        self.port = port
        self.listenAddress = listenAddress
        self.user = user
        self.directory = directory
        self.binary = binary
        self.authorizedKeysFile = authorizedKeysFile
    }

    public var hostKeyPath: String { directory + "/ssh_host_ed25519_key" }
    public var pidFilePath: String { directory + "/sshd.pid" }
    public var settingsPath: String { directory + "/kiosk.json" }
    public var helperPath: String { directory + "/authorized-keys" }
    public var configPath: String { directory + "/sshd_config" }

    /// The ForceCommand line: only the settings file's path, never the key.
    public var forceCommand: String { "\(Self.quoted(binary)) kiosk-session --config \(Self.quoted(settingsPath))" }

    /// The authorized-keys helper for "any key": prints the offered key back, restricted to a pty.
    /// sshd runs it as `nobody` and requires it (and its folders) to be owned by root and not writable by others.
    public static let acceptAnyKeyHelper = """
        #!/bin/sh
        # Storefront SSH kiosk: accept any public key (the key is the visitor's anonymous identity).
        # sshd gives the key type and the base64 key (%t %k); both are checked by sshd before this runs.
        case "$1$2" in *[!A-Za-z0-9@.+/=-]*) exit 1 ;; esac
        printf 'restrict,pty %s %s\\n' "$1" "$2"

        """

    public func render() -> String {
        let keys: [String]
        if let authorizedKeysFile {
            keys = ["AuthorizedKeysFile \(authorizedKeysFile)"]
        } else {
            keys = [
                "AuthorizedKeysFile none",
                "AuthorizedKeysCommand \(helperPath) %t %k",
                "AuthorizedKeysCommandUser nobody",
            ]
        }
        let lines =
            [
                "# Storefront SSH kiosk, written by `storefront ssh-kiosk init`. A dedicated sshd instance:",
                "#   /usr/sbin/sshd -f \(configPath) -D -e",
                "# Visitors: ssh -p \(port) \(user)@HOST   (any key is their anonymous identity; no shell).",
                "Port \(port)",
                "ListenAddress \(listenAddress)",
                "HostKey \(hostKeyPath)",
                "PidFile \(pidFilePath)",
                "AllowUsers \(user)",
                "PermitRootLogin \(user == "root" ? "prohibit-password" : "no")",
                "PubkeyAuthentication yes",
            ] + keys + [
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes yes",
                "ExposeAuthInfo yes",
                "PermitTTY yes",
                "DisableForwarding yes",
                "AllowAgentForwarding no",
                "AllowTcpForwarding no",
                "AllowStreamLocalForwarding no",
                "X11Forwarding no",
                "PermitTunnel no",
                "GatewayPorts no",
                "PermitUserEnvironment no",
                "PermitUserRC no",
                "PrintMotd no",
                "PrintLastLog no",
                "Banner none",
                "AcceptEnv LANG LC_* NO_COLOR",
                "LoginGraceTime 30",
                "MaxAuthTries 6",
                "MaxSessions 1",
                "MaxStartups 64:30:256",
                // A frozen client (a dropped network) is found by unanswered probes. OpenSSH 9.2 probes only
                // when a wait of the whole interval ends past it, so in practice every second interval:
                // 5 s × 5 lets a dead session go after about a minute (15 s × 4 took 130 to 240 s).
                "ClientAliveInterval 5",
                "ClientAliveCountMax 5",
                "",
                "Match User \(user)",
                "    ForceCommand \(forceCommand)",
                "",
            ]
        return lines.joined(separator: "\n")
    }

    /// Single-quoted for the user's shell (sshd runs the ForceCommand with `$SHELL -c`).
    static func quoted(_ text: String) -> String {
        guard text.contains(where: { !($0.isLetter || $0.isNumber || "/._-+".contains($0)) }) else { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
