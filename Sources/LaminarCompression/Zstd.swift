import CZstd

/// Zstandard through libzstd. Frames that record their content size decompress in one call; others stream.
struct Zstd: BlockCodec {
    var codec: CompressionCodec { .zstd }

    func compress(_ input: UnsafeRawBufferPointer, level: Int?) throws -> [UInt8] {
        let level = Int32(clamping: level ?? 3)
        guard (Int(ZSTD_minCLevel())...Int(ZSTD_maxCLevel())).contains(Int(level)) else {
            throw CompressionError.libraryFailure(codec: codec, detail: "level \(level) outside \(ZSTD_minCLevel())...\(ZSTD_maxCLevel())")
        }
        let bound = ZSTD_compressBound(input.count)
        return try makeOutput(capacity: bound) { output in
            let written = ZSTD_compress(output.baseAddress, output.count, input.baseAddress, input.count, level)
            try check(written)
            return written
        }
    }

    func decompress(_ input: UnsafeRawBufferPointer, uncompressedSize: Int?, limit: Int) throws -> [UInt8] {
        let declared = ZSTD_getFrameContentSize(input.baseAddress, input.count)
        if declared == ZSTD_CONTENTSIZE_ERROR {
            throw CompressionError.corruptInput(codec: codec, detail: "not a zstd frame")
        }
        let size = uncompressedSize ?? (declared == ZSTD_CONTENTSIZE_UNKNOWN ? nil : Int(exactly: declared))
        guard let size else { return try decompressStreaming(input, limit: limit) }
        guard size <= limit else { throw CompressionError.outputTooLarge(codec: codec, size: size, limit: limit) }
        return try makeOutput(capacity: size) { try decompress(input, into: $0) }
    }

    func decompress(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws -> Int {
        let written = ZSTD_decompress(output.baseAddress, output.count, input.baseAddress, input.count)
        try check(written)
        return written
    }

    private func decompressStreaming(_ input: UnsafeRawBufferPointer, limit: Int) throws -> [UInt8] {
        guard let stream = ZSTD_createDStream() else {
            throw CompressionError.libraryFailure(codec: codec, detail: "cannot allocate a stream")
        }
        defer { ZSTD_freeDStream(stream) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: ZSTD_DStreamOutSize())
        var inBuffer = ZSTD_inBuffer(src: input.baseAddress, size: input.count, pos: 0)
        var lastHint = 1
        while inBuffer.pos < inBuffer.size || lastHint != 0 {
            let produced: Int = try chunk.withUnsafeMutableBytes { chunkBytes in
                var outBuffer = ZSTD_outBuffer(dst: chunkBytes.baseAddress, size: chunkBytes.count, pos: 0)
                let hint = ZSTD_decompressStream(stream, &outBuffer, &inBuffer)
                try check(hint)
                lastHint = hint
                return outBuffer.pos
            }
            result.append(contentsOf: chunk[..<produced])
            guard result.count <= limit else {
                throw CompressionError.outputTooLarge(codec: codec, size: result.count, limit: limit)
            }
            if produced == 0, inBuffer.pos == inBuffer.size, lastHint != 0 {
                throw CompressionError.corruptInput(codec: codec, detail: "truncated frame")
            }
        }
        return result
    }

    private func check(_ code: Int) throws {
        if ZSTD_isError(code) != 0 {
            throw CompressionError.corruptInput(codec: codec, detail: String(cString: ZSTD_getErrorName(code)))
        }
    }
}
