import Logging
import Metrics

/// The metrics and log lines of one pipeline's checkpoints, through swift-metrics and swift-log so any
/// backend the embedding application bootstraps (Prometheus, OpenTelemetry, a test recorder) sees them.
///
/// Metrics, each with the dimension `pipeline`:
/// - `laminar_checkpoint_duration` (timer): barrier to finalized commit;
/// - `laminar_checkpoint_prepare_duration`, `laminar_checkpoint_finalize_duration` (timers): the sink's two phases;
/// - `laminar_checkpoint_committed_bytes`, `laminar_checkpoint_committed_rows` (counters);
/// - `laminar_checkpoint_state_bytes` (recorder): operator state saved by the last checkpoint;
/// - `laminar_checkpoints_total`, `laminar_checkpoint_failures_total` (counters).
struct CheckpointInstruments {
    let logger: Logger
    let duration: Timer
    let prepare: Timer
    let finalize: Timer
    let committedBytes: Counter
    let committedRows: Counter
    let stateBytes: Recorder
    let completed: Counter
    let failures: Counter

    init(pipeline: String) {
        let dimensions = [("pipeline", pipeline)]
        var logger = Logger(label: "laminar.checkpoint")
        logger[metadataKey: "pipeline"] = "\(pipeline)"
        self.logger = logger
        duration = Timer(label: "laminar_checkpoint_duration", dimensions: dimensions)
        prepare = Timer(label: "laminar_checkpoint_prepare_duration", dimensions: dimensions)
        finalize = Timer(label: "laminar_checkpoint_finalize_duration", dimensions: dimensions)
        committedBytes = Counter(label: "laminar_checkpoint_committed_bytes", dimensions: dimensions)
        committedRows = Counter(label: "laminar_checkpoint_committed_rows", dimensions: dimensions)
        stateBytes = Recorder(label: "laminar_checkpoint_state_bytes", dimensions: dimensions)
        completed = Counter(label: "laminar_checkpoints_total", dimensions: dimensions)
        failures = Counter(label: "laminar_checkpoint_failures_total", dimensions: dimensions)
    }
}
