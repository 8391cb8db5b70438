import GRDB

/// Records map camelCase properties to snake_case columns; nested Codable values are JSON text.
protocol SnakeCaseRecord: Codable, FetchableRecord, PersistableRecord {}

extension SnakeCaseRecord {
    static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}

extension SnakeCaseRecord {
    /// A record update of `columns` only, set to what `modify` gives them: the other columns stay as the database
    /// has them, however old this copy is, and the columns are written even when a value stays the same (so the
    /// table's triggers run as for any write).
    func update(_ db: Database, columns: Set<String>, _ modify: (inout Self) -> Void) throws {
        var record = self
        modify(&record)
        try record.update(db, columns: columns)
    }
}
