import ShopCore
import StorefrontAPI

/// Create an account (after the store answered that the number or address is new).
enum RegisterScreen: ShopScreen {
    /// A password account (`/auth/register/password`) takes no names (``Route/formFields(usePassword:)``).
    static let fieldLabels: [Field: String] = [
        .registerFirstName: "First name", .registerLastName: "Last name", .registerEmail: "Email",
        .registerPhone: "Phone", .password: "Password",
    ]

    static func keys(_ ctx: ScreenContext) -> [KeyBinding<ShopIntent>] {
        [.key([.enter], "create account", "Create the account and send an OTP", priority: 50, .send(.select))]
    }

    static func draw(_ ctx: ScreenContext, into buffer: inout CellBuffer, rect: Rect) -> ScreenOutput {
        let width = min(rect.width, 60)
        let box = Rect(
            row: rect.row, col: rect.col + max(0, (rect.width - width) / 2), width: width, height: rect.height)
        let password = ctx.state.auth.usePassword
        Draw.title(
            into: &buffer, password ? "Create an account with a password" : "Create your account", row: box.row,
            rect: box, theme: ctx.theme)
        let shown = formFields(ctx.state)
        let height = max(0, min(shown.count, box.height - 2))
        let out = FormDrawing.draw(
            shown, ctx: ctx, into: &buffer,
            rect: Rect(row: box.row + 2, col: box.col, width: box.width, height: height))
        var row = box.row + 2 + height + 1
        if let message = ctx.state.auth.message, row < box.bottom {
            row = Draw.paragraph(into: &buffer, message, row: row, rect: box, style: .role(.error), maxLines: 2)
        }
        if password, row < box.bottom {
            Draw.paragraph(
                into: &buffer, "An email or a phone, and at least 8 characters. We send an OTP to confirm.",
                row: row, rect: box, style: .role(.dim), maxLines: 2)
        }
        return out
    }
}
