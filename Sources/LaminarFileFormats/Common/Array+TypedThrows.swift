extension Array {
    /// `withUnsafeBufferPointer` for bodies that throw `FileFormatError`. Passing a typed-throwing closure to the
    /// standard library's `rethrows` methods crashes the Swift 6.3 compiler (see LaminarParquet), so the error
    /// travels in a `Result` instead.
    func withFormatBuffer<R>(_ body: (UnsafeBufferPointer<Element>) throws(FileFormatError) -> R)
        throws(FileFormatError) -> R
    {
        let result: Result<R, FileFormatError> = withUnsafeBufferPointer { buffer in
            do throws(FileFormatError) { return .success(try body(buffer)) } catch { return .failure(error) }
        }
        return try result.get()
    }
}
