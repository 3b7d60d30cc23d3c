import Dispatch
import Glibc

/// Turns SIGINT and SIGTERM into a call, so `laminar run` can stop its pipelines cleanly (sinks commit what
/// they received) instead of dying mid-write. A second signal exits at once.
final class StopSignals: @unchecked Sendable {
    private var sources: [any DispatchSourceSignal] = []
    private var received = 0

    init(_ onStop: @escaping @Sendable (Int32) -> Void) {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .main)
            source.setEventHandler { [unowned self] in
                received += 1
                if received > 1 { _exit(128 + signalNumber) }
                onStop(signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }
}
