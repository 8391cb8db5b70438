/// A feature's action, split as in The Composable Architecture: what the user asked (`view`), what an effect
/// answered (`response`) and what the feature tells its parent (`delegate`, routed by the root reducer).
///
/// The split is by type, so what depends on it needs no list of cases: read-only mode refuses `view` actions only
/// (``Reducer/mutation(_:in:)``), and a recording takes each action's origin from it (``origin``).
///
/// Encoded as before the split (a recording made then still reads): a `view` or `response` action is its case
/// alone (`{"loaded":{"_0":…}}`, not `{"response":{"_0":{"loaded":…}}}`), a `delegate` action
/// `{"delegate":{…}}`.
public enum FeatureAction<V, R, D> {
    public typealias View = V
    public typealias Response = R
    public typealias Delegate = D

    case view(V)
    case response(R)
    case delegate(D)

    /// `intent` for what the user asked; `answer` for what an effect answered or a feature told its parent.
    public var origin: ActionOrigin {
        if case .view = self { .intent } else { .answer }
    }

    /// The user's request, or nil for a response or a delegate action.
    public var view: V? {
        if case .view(let view) = self { view } else { nil }
    }
}

extension FeatureAction: Equatable where V: Equatable, R: Equatable, D: Equatable {}
extension FeatureAction: Sendable where V: Sendable, R: Sendable, D: Sendable {}

extension FeatureAction: Codable where V: Codable, R: Codable, D: Codable {
    private enum DelegateKey: String, CodingKey {
        case delegate
    }

    public init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: DelegateKey.self), keyed.contains(.delegate) {
            self = .delegate(try keyed.decode(D.self, forKey: .delegate))
            return
        }
        do {
            self = .view(try V(from: decoder))
        } catch let viewError {
            do {
                self = .response(try R(from: decoder))
            } catch let responseError {
                // The one that knew the case went deeper before it failed; neither did: an unknown case.
                throw Self.depth(of: responseError) > Self.depth(of: viewError) ? responseError : viewError
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .view(let view):
            try view.encode(to: encoder)
        case .response(let response):
            try response.encode(to: encoder)
        case .delegate(let delegate):
            var container = encoder.container(keyedBy: DelegateKey.self)
            try container.encode(delegate, forKey: .delegate)
        }
    }

    private static func depth(of error: any Error) -> Int {
        switch error {
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
            DecodingError.keyNotFound(_, let context), DecodingError.dataCorrupted(let context):
            context.codingPath.count
        default:
            0
        }
    }
}
