typealias OrderSnapshot = JSONValue
