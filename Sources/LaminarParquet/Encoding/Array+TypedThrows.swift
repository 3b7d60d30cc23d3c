extension Array {
    /// `withUnsafeBytes` for bodies that throw `ParquetError`. Passing a typed-throwing closure to the standard
    /// library's `rethrows` methods crashes the Swift 6.3 compiler, so the error travels in a `Result` instead.
    func withParquetBytes<R>(_ body: (UnsafeRawBufferPointer) throws(ParquetError) -> R) throws(ParquetError) -> R {
        let result: Result<R, ParquetError> = withUnsafeBytes { bytes in
            do throws(ParquetError) { return .success(try body(bytes)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// `withUnsafeMutableBufferPointer` for bodies that throw `ParquetError`; see `withParquetBytes`.
    mutating func withParquetElements<R>(_ body: (UnsafeMutableBufferPointer<Element>) throws(ParquetError) -> R)
        throws(ParquetError) -> R
    {
        let result: Result<R, ParquetError> = withUnsafeMutableBufferPointer { elements in
            do throws(ParquetError) { return .success(try body(elements)) } catch { return .failure(error) }
        }
        return try result.get()
    }
}
