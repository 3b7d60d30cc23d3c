/// How `CSVReader` splits and interprets its input.
public struct CSVOptions: Hashable, Sendable {
    /// The field separator: one ASCII byte other than a quote or a line break (`;` and tab are common in
    /// spreadsheet exports from locales that write decimal commas).
    public var delimiter: UInt8
    /// Field texts that mean null. In string columns only unquoted fields match, so with the default an empty
    /// unquoted field is null while a quoted `""` stays an empty string, the one way CSV can tell the two apart;
    /// in other columns quotes carry no meaning and quoted fields match too.
    public var nullValues: [String]
    /// Rows per `RecordBatch`; 8192 keeps a batch of a few narrow columns inside the CPU caches.
    public var batchSize: Int

    public init(delimiter: UInt8 = UInt8(ascii: ","), nullValues: [String] = [""], batchSize: Int = 8192) {
        self.delimiter = delimiter
        self.nullValues = nullValues
        self.batchSize = batchSize
    }

    /// Checks the options before any input is read, so a bad delimiter is reported as such and not as a
    /// confusing parse error later.
    func validate(source: String) throws(FileFormatError) {
        let forbidden: [UInt8] = [UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r")]
        guard delimiter < 0x80, !forbidden.contains(delimiter) else {
            throw FileFormatError(.invalidArgument("delimiter must be an ASCII byte other than a quote or line break"),
                                  source: source)
        }
        guard batchSize > 0 else {
            throw FileFormatError(.invalidArgument("batch size must be positive, got \(batchSize)"), source: source)
        }
    }
}
