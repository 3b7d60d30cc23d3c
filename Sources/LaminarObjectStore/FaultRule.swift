/// One kind of fault aimed at some operations.
public struct FaultRule: Sendable, Hashable {
    public var effect: FaultEffect
    public var operations: Set<StoreOperation>
    public var trigger: FaultTrigger

    public init(_ effect: FaultEffect, on operations: Set<StoreOperation> = Set(StoreOperation.allCases),
                trigger: FaultTrigger) {
        self.effect = effect
        self.operations = operations
        self.trigger = trigger
    }
}
