import StorefrontAPI

public enum PaymentPhase: String, Codable, Sendable, Hashable {
    case idle
    /// Creating the Juspay customer and order.
    case settingUp
    /// Could not get a payment link; retry sets up again (the order is kept).
    case setupFailed
    /// The link is shown; the status is polled.
    case awaiting
    case paid
    case failed
    /// Two minutes without an answer; "check again" polls again.
    case timedOut
    /// The user stopped polling.
    case stopped
}

/// Where the payment link on screen came from.
public enum PaymentLinkSource: String, Codable, Sendable, Hashable {
    /// `content.data.payment_links.web` of `POST /payments/juspay/create-order` (the seeds' flow).
    case juspayOrder
    /// `payment_info.payment_links.web` of `POST /orders`, shown only because create-order failed.
    case orderAnswer
    /// The answer of a payment retry.
    case retry
}

public struct PaymentState: Equatable, Sendable {
    public var orderNumber: String?
    public var phase = PaymentPhase.idle
    /// The hosted payment page to open (or show as a QR code).
    public var link: String?
    public var linkSource: PaymentLinkSource?
    /// The link `POST /orders` answered, kept in case Juspay create-order fails.
    public var orderAnswerLink: String?
    /// The Juspay order of create-order: id, status, amount and its other links (the detail view).
    public var juspayOrder: JuspayOrder?
    /// What is to be paid (the order's `to_be_paid`), shown beside the order number.
    public var amount: Money?
    /// The detail view (mobile and iframe links, Juspay order id, status, amount) is open.
    public var showingDetail = false
    public var status: PaymentStatus?
    /// Polls so far in this round.
    public var polls = 0
    public var message: String?

    public init() {}

    public var isRetryAvailable: Bool {
        switch phase {
        case .failed: status?.isRetryAvailable ?? false
        case .setupFailed, .timedOut, .stopped: true
        default: false
        }
    }
}
