import ShopCore
import StorefrontAPI

/// The account: profile, notification preferences, password, deactivation (with confirmation), log out.
enum AccountScreen: ShopScreen {
    static let fieldLabels: [Field: String] = [
        .profileFirstName: "First name", .profileLastName: "Last name", .profileEmail: "Email", .profilePhone: "Phone",
        .currentPassword: "Current", .newPassword: "New password", .resetIdentifier: "Email or phone", .otp: "OTP",
    ]

    static func keys(_ ctx: ScreenContext) -> [KeyBinding<ShopIntent>] {
        let state = ctx.state
        switch state.currentRoute {
        case .profile:
            return [.key([.enter], "save", "Save the profile", priority: 50, .send(.select))]
        case .changePassword:
            return [
                .key([.enter], "change", "Change the password", priority: 50, .send(.select)),
                .key(
                    [.ctrl("r")], "forgot", "Forgot it: reset with an OTP", priority: 10,
                    .send(.navigate(.forgotPassword))),
            ]
        case .forgotPassword:
            return [.key([.enter], "send OTP", "Send a reset OTP", priority: 50, .send(.select))]
        case .resetPassword:
            return [.key([.enter], "reset", "Set the new password", priority: 50, .send(.select))]
        case .notifications:
            // A grid: ↑/↓ go along a column (a row is one move per medium), ←/→ along a row.
            let columns = NotificationMedium.allCases.count
            return [
                .key(
                    [.up, .char("k")], "up", "Move the cursor up", footer: false, .send(.moveSelection(by: -columns))),
                .key(
                    [.down, .char("j")], "down", "Move the cursor down", footer: false,
                    .send(.moveSelection(by: columns))),
                .key(
                    [.left, .char("h")], "left", "Move the cursor left", footer: false, .send(.moveSelection(by: -1))),
                .key(
                    [.right, .char("l")], "right", "Move the cursor right", footer: false, .send(.moveSelection(by: 1))),
                .key(
                    [.char(" "), .enter], "toggle", "Turn the selected notification on or off", priority: 50,
                    .send(.select)),
                .key(
                    [.char("s")], "save", "Save the preferences", priority: 45, .send(.account(.view(.savePreferences)))
                ),
            ]
        default:
            if state.account.confirmingLogout {
                return [
                    .key(
                        [.char("y"), .enter], "log out", "Yes, log out", priority: 50, .send(.session(.view(.logout)))),
                    .key(
                        [.char("n"), .escape], "stay", "No, stay logged in", priority: 49,
                        .send(.session(.view(.cancelLogout)))),
                ]
            }
            if state.account.confirmingDeactivation {
                return [
                    .key(
                        [.char("y"), .enter], "deactivate", "Yes, deactivate my account", priority: 50,
                        .send(.account(.view(.confirmDeactivation)))),
                    .key(
                        [.char("n"), .escape], "keep it", "No, keep my account", priority: 49,
                        .send(.account(.view(.cancelDeactivation)))),
                ]
            }
            return [
                .key(
                    [.char("e")], "edit profile", "Edit your name, email and phone", priority: 50,
                    .send(.navigate(.profile))),
                .key(
                    [.char("n")], "notifications", "Notification preferences", priority: 45,
                    .send(.navigate(.notifications))),
                .key([.char("p")], "password", "Change the password", priority: 40, .send(.navigate(.changePassword))),
                .key(
                    [.char("L")], "log out", "Log out (asks first)", priority: 44,
                    .send(.session(.view(.requestLogout)))),
                .key(
                    [.char("D")], "deactivate", "Deactivate the account (asks first)", priority: 9,
                    .send(.account(.view(.requestDeactivation)))),
            ]
        }
    }

    static func draw(_ ctx: ScreenContext, into buffer: inout CellBuffer, rect: Rect) -> ScreenOutput {
        let state = ctx.state
        let theme = ctx.theme
        let width = min(rect.width, 70)
        let box = Rect(
            row: rect.row, col: rect.col + max(0, (rect.width - width) / 2), width: width, height: rect.height)
        let below = Rect(row: box.row + 2, col: box.col, width: box.width, height: max(0, box.height - 2))
        switch state.currentRoute {
        case .profile:
            Draw.title(into: &buffer, "Your profile", row: box.row, rect: box, theme: theme)
            return FormDrawing.draw(formFields(state), ctx: ctx, into: &buffer, rect: below)
        case .changePassword:
            Draw.title(into: &buffer, "Change your password", row: box.row, rect: box, theme: theme)
            return FormDrawing.draw(formFields(state), ctx: ctx, into: &buffer, rect: below, labelWidth: 15)
        case .forgotPassword:
            Draw.title(into: &buffer, "Reset your password", row: box.row, rect: box, theme: theme)
            return FormDrawing.draw(formFields(state), ctx: ctx, into: &buffer, rect: below, labelWidth: 16)
        case .resetPassword:
            Draw.title(into: &buffer, "Enter the OTP and a new password", row: box.row, rect: box, theme: theme)
            let out = FormDrawing.draw(formFields(state), ctx: ctx, into: &buffer, rect: below, labelWidth: 15)
            if let otp = state.account.resetChallenge?.otp, below.height > 3 {
                buffer.write(
                    "sandbox OTP: \(otp)", row: below.row + 3, col: below.col, style: .role(.accent),
                    maxWidth: below.width)
            }
            return out
        case .notifications:
            return drawPreferences(ctx, into: &buffer, rect: box)
        default:
            break
        }
        var row = box.row
        let user = state.user
        Draw.title(into: &buffer, user?.displayName ?? "Your account", row: row, rect: box, theme: theme)
        row += 2
        var details: [(String, String)] = [
            ("Email", (user?.email ?? "not set") + ((user?.isEmailVerified ?? false) ? " " + theme.glyphs.check : "")),
            ("Phone", (user?.phone ?? "not set") + ((user?.isPhoneVerified ?? false) ? " " + theme.glyphs.check : "")),
            // What support asks for (`storefront support cart --user-id`).
            ("User id", user?.id ?? state.session.claims?.userId ?? "unknown"),
        ]
        details += balances(ctx)
        // Short terminals: the menu first, the details only when everything fits.
        let showDetails = box.height >= 2 + details.count + 1 + 6
        for (label, value) in details where showDetails && row < box.bottom {
            buffer.write(label, row: row, col: box.col, style: .role(.dim), maxWidth: 10)
            buffer.write(value, row: row, col: box.col + 10, maxWidth: box.width - 10, ellipsis: theme.glyphs.ellipsis)
            row += 1
        }
        if showDetails { row += 1 }
        let menu: [(String, String)] = [
            ("e", "Edit profile"), ("n", "Notification preferences"), ("p", "Change password"), ("o", "Your orders"),
            ("L", "Log out"), ("D", "Deactivate the account"),
        ]
        for (key, text) in menu where row < box.bottom {
            buffer.write(key, row: row, col: box.col, style: .role(.footerKey))
            buffer.write(text, row: row, col: box.col + 3, maxWidth: box.width - 3)
            row += 1
        }
        if state.account.confirmingLogout {
            let lines = ["Log out?", "Your cart stays with this terminal as a guest.", "y logs out, n stays."]
            let inner = Modal.draw(
                into: &buffer, title: "Log out", contentWidth: lines.map { DisplayWidth.of($0) }.max() ?? 20,
                contentHeight: lines.count, theme: theme)
            for (i, line) in lines.enumerated() {
                buffer.write(
                    line, row: inner.row + i, col: inner.col, style: i == 0 ? Style.plain.bold : .plain,
                    maxWidth: inner.width, ellipsis: theme.glyphs.ellipsis)
            }
            return ScreenOutput(cursor: CursorPlacement(row: inner.row, col: inner.col))
        }
        if state.account.confirmingDeactivation {
            let lines = [
                "Deactivate your account?", "You will be logged out and cannot log in again.",
                "y deactivates, n keeps it.",
            ]
            let inner = Modal.confirmation(into: &buffer, title: "Deactivate", lines: lines, theme: theme)
            return ScreenOutput(cursor: CursorPlacement(row: inner.row, col: inner.col))
        }
        return ScreenOutput()
    }

    /// The loyalty points and credit balance rows, where the store tells them.
    static func balances(_ ctx: ScreenContext) -> [(String, String)] {
        var rows: [(String, String)] = []
        if let points = ctx.state.account.loyalty?.balance { rows.append(("Points", "\(points) loyalty points")) }
        if let credit = ctx.state.user?.creditBalance { rows.append(("Credit", ctx.money(credit))) }
        return rows
    }

    static func drawPreferences(_ ctx: ScreenContext, into buffer: inout CellBuffer, rect: Rect) -> ScreenOutput {
        let state = ctx.state
        let theme = ctx.theme
        var row = rect.row
        Draw.title(into: &buffer, "Notifications", row: row, rect: rect, theme: theme)
        row += 2
        let col0 = min(16, rect.width / 3)
        let colWidth = min(11, (rect.width - col0) / 3)
        for (j, medium) in NotificationMedium.allCases.enumerated() {
            buffer.write(
                medium.rawValue, row: row, col: rect.col + col0 + j * colWidth, style: .role(.dim),
                maxWidth: colWidth - 1,
                ellipsis: theme.glyphs.ellipsis)
        }
        row += 1
        var cursor: CursorPlacement?
        let mediums = NotificationMedium.allCases
        for (i, topic) in NotificationTopic.allCases.enumerated() where row < rect.bottom {
            buffer.write(
                topic.rawValue.capitalized, row: row, col: rect.col, maxWidth: col0 - 1, ellipsis: theme.glyphs.ellipsis
            )
            for (j, medium) in mediums.enumerated() {
                let index = i * mediums.count + j
                let on = state.account.isEnabled(topic, medium)
                let selected = index == state.account.preferenceIndex
                let mark = on ? (theme.glyphs.isASCII ? "[x]" : "[✓]") : "[ ]"
                let col = rect.col + col0 + j * colWidth
                buffer.write(
                    mark, row: row, col: col, style: selected ? .role(.selected) : (on ? .role(.success) : .role(.dim)))
                if selected { cursor = CursorPlacement(row: row, col: col + 1) }
            }
            row += 1
        }
        if row + 1 < rect.bottom {
            buffer.write(
                "space turns one on or off; s saves.", row: row + 1, col: rect.col, style: .role(.dim),
                maxWidth: rect.width, ellipsis: theme.glyphs.ellipsis)
        }
        return ScreenOutput(cursor: cursor)
    }
}
