import ArgumentParser
import Foundation
import StorefrontAPI

/// `storefront doctor`: is this store ready for a demo or a support call?
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check that a store works with this app: key, session, catalog, payment, delivery.",
        discussion: """
            Each check prints a line: its verdict (ok, warn, fail or skip), the round-trip
            time of its calls, and what it found.
              api-key      POST /auth/anonymous with the key (401 or 403: refused)
              session      that answer names the session's user (content.user)
              catalog      GET /catalog/products, the first 5 pages, every product
                           decoded; one the app cannot read is named by its id and
                           JSON path, and the rest are still counted
              categories   GET /catalog/categories
              juspay       GET /payments/payment-methods?payment_provider_slug=juspay:
                           the Juspay method and its gateway reference
                           (supported_reference_ids[0]), which every order needs
              fulfillment  with --pincode: a test cart with the first purchasable
                           product, POST /shipping/fulfillment-options for it, then
                           the cart deleted; skipped without --pincode
              pincode      with --pincode: GET /common/countries/IN/pincodes, its
                           city and state (what fills the address form; a warning
                           when the store knows none); skipped without --pincode
            It uses a new guest session of its own, in memory (the shop's saved session
            is left alone), and never prints the API key or tokens.
            Exit status: 0 no check failed (warnings and skips allowed), 1 a check
            failed, 2 bad usage.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Option(
        help:
            "A delivery pincode (6 digits) to ask fulfillment options and its place for; without it those checks are skipped."
    )
    var pincode: String?

    func validate() throws {
        if let pincode, !(pincode.count == 6 && pincode.allSatisfy { $0.isASCII && $0.isNumber }) {
            throw ValidationError("--pincode must be 6 digits, not '\(pincode)'.")
        }
    }

    func run() async throws {
        let target = try store.announcedTarget()
        let (name, url, key) =
            switch target {
            case .sandbox: ("the built-in sandbox store", "the built-in sandbox", String?.none)
            case .commerceEngine(let remote): (remote.storeID, remote.baseURL.absoluteString, remote.apiKey)
            }
        // A session of its own, in memory: the doctor neither reuses nor replaces the shop's saved one.
        let connection = StoreConnection.prepare(target, tokenStore: MemoryTokenStore())
        connection.start()
        if let failure = await connection.startFailure() {
            await connection.close()
            throw CommandFailure("the sandbox could not start: \(failure.localizedDescription)")
        }
        let checks = await Doctor(client: connection.client, storeURL: url, apiKey: key, pincode: pincode).run()
        await connection.close()
        let failed = checks.filter { $0.verdict == .fail }.count
        if output.json {
            struct Report: Encodable {
                var store: String
                var url: String
                var passed: Bool
                var checks: [DoctorCheck]
            }
            try Output.printJSON(Report(store: name, url: url, passed: failed == 0, checks: checks))
        } else {
            Output.line("Checking \(name)" + (url == "the built-in sandbox" ? "" : " at \(url)"))
            for check in checks { print(check) }
            Output.line(Self.summary(checks))
        }
        if failed > 0 { throw ExitCode.failure }
    }

    private func print(_ check: DoctorCheck) {
        Output.line(
            Output.pad(check.verdict.rawValue, 6) + Output.pad(check.name, 13)
                + Output.padLeft(check.milliseconds.map { "\($0) ms" } ?? "-", 9) + "  " + check.detail)
        for item in check.unreadable ?? [] {
            Output.line(
                String(repeating: " ", count: 30) + "page \(item.page): product \(item.id ?? "(no id)") at "
                    + "\(item.path): \(item.reason)")
        }
    }

    private static func summary(_ checks: [DoctorCheck]) -> String {
        let counts = [DoctorCheck.Verdict.fail, .warn, .skip].compactMap { verdict -> String? in
            let count = checks.filter { $0.verdict == verdict }.count
            guard count > 0 else { return nil }
            switch verdict {
            case .fail: return "\(count) failed"
            case .warn: return "\(count) warning\(count == 1 ? "" : "s")"
            default: return "\(count) skipped"
            }
        }
        let passed = checks.filter { $0.verdict == .ok }.count
        return counts.isEmpty
            ? "All \(checks.count) checks passed."
            : "\(passed) of \(checks.count) checks passed; " + counts.joined(separator: ", ") + "."
    }
}
