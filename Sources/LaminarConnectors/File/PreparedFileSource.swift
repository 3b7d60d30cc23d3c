import LaminarArrow
import LaminarCore

struct PreparedFileSource: PreparedSource {
    let path: String
    let schema: Schema
    let settings: FileReadSettings
    let continuous: Bool
    let pollInterval: Duration

    var isBounded: Bool { !continuous }

    func makeReader() async throws(EngineError) -> any LakehouseSource { FileReader(self) }
}
