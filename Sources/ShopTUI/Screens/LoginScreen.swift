import ShopCore
import StorefrontAPI

/// Log in with an OTP: the channel (phone, email, WhatsApp), the identifier, then the OTP with a resend
/// countdown. In the sandbox the OTP is shown on screen.
enum LoginScreen: ShopScreen {
    static func keys(_ ctx: ScreenContext) -> [KeyBinding<ShopIntent>] {
        let state = ctx.state
        if state.currentRoute == .otp {
            var keys: [KeyBinding<ShopIntent>] = [
                .key([.enter], "verify", "Check the OTP", priority: 50, .send(.select))
            ]
            if state.auth.canResend {
                keys.append(
                    .key([.ctrl("r")], "resend", "Send a new OTP", priority: 30, .send(.session(.view(.resendOTP)))))
            }
            return keys
        }
        let ways: [KeyBinding<ShopIntent>] = [
            .key(
                [.ctrl("p")], state.auth.usePassword ? "use OTP" : "password",
                "Log in with a password or with an OTP (switches)", priority: 32,
                .send(.session(.view(.togglePasswordLogin)))),
            .key(
                [.ctrl("n")], "new account", "Create an account with a password", priority: 1,
                .send(.session(.view(.registerWithPassword)))),
            .key(
                [.ctrl("f")], "forgot", "Forgot the password: reset it with an OTP", priority: 1,
                .send(.navigate(.forgotPassword))),
        ]
        if state.auth.usePassword {
            return [.key([.enter], "log in", "Log in with this password", priority: 50, .send(.select))] + ways
        }
        return [
            .key([.enter], "send OTP", "Send an OTP to this number or address", priority: 50, .send(.select)),
            .key(
                [.down], "method", "Next way to log in (phone, email, WhatsApp)", priority: 30,
                .send(.moveSelection(by: 1))),
            .key([.up], "method", "Previous way to log in", footer: false, .send(.moveSelection(by: -1))),
        ] + ways
    }

    static func channelName(_ c: OTPChannel) -> String {
        switch c {
        case .phone: "Phone"
        case .email: "Email"
        case .whatsapp: "WhatsApp"
        }
    }

    static func identifierLabel(_ c: OTPChannel) -> String {
        switch c {
        case .phone: "Phone"
        case .email: "Email"
        case .whatsapp: "WhatsApp no."
        }
    }

    static func draw(_ ctx: ScreenContext, into buffer: inout CellBuffer, rect: Rect) -> ScreenOutput {
        let state = ctx.state
        let theme = ctx.theme
        let width = min(rect.width, 60)
        let box = Rect(
            row: rect.row, col: rect.col + max(0, (rect.width - width) / 2), width: width, height: rect.height)
        var row = box.row
        var out = ScreenOutput()
        if state.currentRoute == .otp {
            let to = state.form.trimmed(.loginIdentifier)
            Draw.title(
                into: &buffer, "Enter the OTP sent to \(to.isEmpty ? "you" : to)", row: row, rect: box, theme: theme)
            row += 2
            out.cursor = Draw.field(
                into: &buffer, row: row, rect: box, label: "OTP", field: .otp, ctx: ctx, labelWidth: 8,
                placeholder: "6 digits")
            row += 1
            if let otp = state.auth.sandboxOTP, row < box.bottom {
                buffer.write("sandbox OTP: \(otp)", row: row, col: box.col, style: .role(.accent), maxWidth: box.width)
                row += 1
            }
            if let message = state.auth.message, row < box.bottom {
                row = Draw.paragraph(into: &buffer, message, row: row, rect: box, style: .role(.error), maxLines: 2)
            }
            if row < box.bottom {
                let resend =
                    state.auth.canResend
                    ? "Did not get it? ctrl-r sends a new one."
                    : "You can ask for a new OTP in \(state.auth.resendCooldown)s."
                buffer.write(
                    resend, row: row, col: box.col, style: .role(.dim), maxWidth: box.width,
                    ellipsis: theme.glyphs.ellipsis)
            }
            return out
        }
        Draw.title(into: &buffer, "Log in or create an account", row: row, rect: box, theme: theme)
        row += 2
        if state.auth.usePassword { return drawPassword(ctx, into: &buffer, box: box, row: row) }
        var col = box.col
        for c in OTPChannel.allCases {
            let on = c == state.auth.channel
            let mark = theme.glyphs.isASCII ? (on ? "(*)" : "( )") : (on ? "◉" : "○")
            col += buffer.write(
                "\(mark) \(channelName(c))  ", row: row, col: col,
                style: on ? Style.role(.accent).bold : .role(.normal),
                maxWidth: max(0, box.right - col))
        }
        row += 2
        let placeholder = state.auth.channel == .email ? "you@example.com" : "10-digit mobile number"
        out.cursor = Draw.field(
            into: &buffer, row: row, rect: box, label: identifierLabel(state.auth.channel), field: .loginIdentifier,
            ctx: ctx, labelWidth: 14, placeholder: placeholder)
        row += 2
        if let message = state.auth.message, row < box.bottom {
            row = Draw.paragraph(into: &buffer, message, row: row, rect: box, style: .role(.error), maxLines: 2)
        }
        if row < box.bottom {
            let what = state.auth.channel == .email ? "address" : "number"
            Draw.paragraph(
                into: &buffer,
                "We send a one-time password; a new \(what) creates an account. ctrl-p: log in with a password.",
                row: row, rect: box, style: .role(.dim), maxLines: 2)
        }
        return out
    }

    /// Password login: the email or phone and the password.
    static func drawPassword(_ ctx: ScreenContext, into buffer: inout CellBuffer, box: Rect, row: Int)
        -> ScreenOutput
    {
        var row = row
        let out = FormDrawing.draw(
            [(.loginIdentifier, "Email or phone"), (.password, "Password")], ctx: ctx, into: &buffer,
            rect: Rect(row: row, col: box.col, width: box.width, height: max(0, min(2, box.bottom - row))),
            labelWidth: 16)
        row += 3
        if let message = ctx.state.auth.message, row < box.bottom {
            row = Draw.paragraph(into: &buffer, message, row: row, rect: box, style: .role(.error), maxLines: 2)
        }
        if row < box.bottom {
            Draw.paragraph(
                into: &buffer, "ctrl-f: forgot the password. ctrl-n: a new account. ctrl-p: an OTP instead.",
                row: row, rect: box, style: .role(.dim), maxLines: 2)
        }
        return out
    }
}
