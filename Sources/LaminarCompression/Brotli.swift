import CBrotli

/// Brotli through libbrotli; decompression streams, so it needs no size up front.
struct Brotli: BlockCodec {
    var codec: CompressionCodec { .brotli }

    func compress(_ input: UnsafeRawBufferPointer, level: Int?) throws -> [UInt8] {
        let quality = Int32(clamping: level ?? 5)
        guard (BROTLI_MIN_QUALITY...BROTLI_MAX_QUALITY).contains(quality) else {
            throw CompressionError.libraryFailure(codec: codec, detail: "quality \(quality) outside 0...11")
        }
        let bound = BrotliEncoderMaxCompressedSize(input.count)
        return try makeOutput(capacity: bound == 0 ? input.count + 1024 : bound) { output in
            var length = output.count
            let ok = BrotliEncoderCompress(
                quality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_GENERIC, input.count,
                input.baseAddress?.assumingMemoryBound(to: UInt8.self), &length,
                output.baseAddress?.assumingMemoryBound(to: UInt8.self))
            guard ok == BROTLI_TRUE else {
                throw CompressionError.libraryFailure(codec: codec, detail: "compression failed")
            }
            return length
        }
    }

    func decompress(_ input: UnsafeRawBufferPointer, uncompressedSize: Int?, limit: Int) throws -> [UInt8] {
        guard let state = BrotliDecoderCreateInstance(nil, nil, nil) else {
            throw CompressionError.libraryFailure(codec: codec, detail: "cannot allocate a decoder")
        }
        defer { BrotliDecoderDestroyInstance(state) }
        var result: [UInt8] = []
        result.reserveCapacity(uncompressedSize ?? input.count * 4)
        var availableIn = input.count
        var nextIn = input.baseAddress?.assumingMemoryBound(to: UInt8.self)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            var availableOut = chunk.count
            let status = chunk.withUnsafeMutableBufferPointer { buffer in
                var nextOut = buffer.baseAddress
                return BrotliDecoderDecompressStream(state, &availableIn, &nextIn, &availableOut, &nextOut, nil)
            }
            result.append(contentsOf: chunk[..<(chunk.count - availableOut)])
            guard result.count <= limit else {
                throw CompressionError.outputTooLarge(codec: codec, size: result.count, limit: limit)
            }
            switch status {
            case BROTLI_DECODER_RESULT_SUCCESS:
                guard availableIn == 0 else {
                    throw CompressionError.corruptInput(codec: codec, detail: "\(availableIn) trailing bytes")
                }
                return result
            case BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT:
                continue
            case BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT:
                throw CompressionError.corruptInput(codec: codec, detail: "truncated stream")
            default:
                let code = BrotliDecoderGetErrorCode(state)
                throw CompressionError.corruptInput(
                    codec: codec, detail: String(cString: BrotliDecoderErrorString(code)))
            }
        }
    }
}
