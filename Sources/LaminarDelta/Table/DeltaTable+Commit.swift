import Foundation
import LaminarObjectStore

extension DeltaTable {
    /// Commits `request` as the next version, with optimistic concurrency:
    ///
    /// - the commit file is created with `putIfAbsent`, so of several writers exactly one gets a version;
    /// - when another commit took the version, it is checked against this one (protocol or metadata
    ///   changes, the same app transaction, removals of files this commit read) and, when compatible, the
    ///   commit is retried at the next version; blind appends never conflict with each other;
    /// - when the storage cannot say whether the put landed (`unknownOutcome`), the version is read back and
    ///   recognised by the attempt's `commitInfo.txnId`;
    /// - an app transaction the table already records at or past this version means an earlier attempt
    ///   landed: `.alreadyCommitted`, and nothing is written.
    ///
    /// Checkpoints are not written here (`checkpointIfDue()`), so a failed checkpoint never hides a
    /// commit that landed.
    public mutating func commit(_ request: CommitRequest, maxAttempts: Int = 15) async throws(DeltaError) -> CommitOutcome {
        if let transaction = request.appTransaction,
           let landed = snapshot.transactionVersion(appId: transaction.appId), landed >= transaction.version {
            return .alreadyCommitted
        }
        let readVersion = request.readVersion ?? snapshot.version
        if readVersion < snapshot.version {
            // Commits that landed between planning and now must not contradict the plan either.
            for version in (readVersion + 1)...snapshot.version {
                guard let winner = try await log.commit(version) else { continue }
                try check(request, against: winner, version: version)
            }
        }
        let txnID = UUID().uuidString.lowercased()
        var attempts = 0
        var unknownOutcomes = 0
        while true {
            attempts += 1
            let version = snapshot.version + 1
            let info = Self.commitInfo(operation: request.operation, parameters: request.operationParameters,
                                       metrics: request.operationMetrics, readVersion: readVersion,
                                       isBlindAppend: request.isBlindAppend, txnID: txnID, timestamp: Self.nowMillis())
            var actions: [DeltaAction] = [.commitInfo(info)]
            if let transaction = request.appTransaction { actions.append(.transaction(transaction)) }
            actions += request.actions
            let name = CommitFile.name(version: version)
            let bytes = try CommitFile.encode(actions)
            do {
                try await store.putIfAbsent(DeltaLog.path(name), bytes)
                try snapshot.apply(actions, version: version)
                return .committed(version: version)
            } catch let error as ObjectStoreError where error.kind == .alreadyExists || error.kind == .unknownOutcome {
                if error.kind == .unknownOutcome {
                    unknownOutcomes += 1
                    guard unknownOutcomes <= maxAttempts else {
                        throw DeltaError(.io, "\(location): committing version \(version): the storage keeps failing to answer: \(error)")
                    }
                }
                // Whoever holds the version, read what it holds.
                guard let winner = try await log.commit(version) else {
                    if error.kind == .unknownOutcome { continue }
                    throw DeltaError(.io, "\(location): \(name) exists but cannot be read")
                }
                if Self.txnID(of: winner) == txnID {
                    try snapshot.apply(actions, version: version)
                    return .committed(version: version)
                }
                try check(request, against: winner, version: version)
                try snapshot.apply(winner, version: version)
                if let transaction = request.appTransaction,
                   let landed = snapshot.transactionVersion(appId: transaction.appId), landed >= transaction.version {
                    return .alreadyCommitted
                }
                guard attempts < maxAttempts else {
                    throw DeltaError(.conflict, "\(location): gave up after \(attempts) attempts; other writers took every version up to \(version)")
                }
            } catch let error as DeltaError {
                throw error
            } catch {
                throw DeltaError(.io, "\(location): writing \(name): \(error)")
            }
        }
    }

    /// The conflict rules for a commit that lost `version` to `winner`.
    func check(_ request: CommitRequest, against winner: [DeltaAction], version: Int64) throws(DeltaError) {
        for action in winner {
            switch action {
            case .protocolVersions:
                throw DeltaError(.conflict, "\(location): version \(version) changed the table's protocol while this commit was prepared")
            case .metadata:
                throw DeltaError(.conflict, "\(location): version \(version) changed the table's metadata (schema, partitioning or properties) while this commit was prepared")
            case .transaction(let transaction) where transaction.appId == request.appTransaction?.appId:
                if let mine = request.appTransaction, transaction.version >= mine.version { continue }
                throw DeltaError(.conflict, "\(location): version \(version) was committed by another writer with the same writer id \(transaction.appId); give each pipeline its own writer_id")
            case .remove(let remove) where request.readFiles.contains(remove.path):
                throw DeltaError(.conflict, "\(location): version \(version) removed \(remove.path), which this commit read")
            case .add where request.conflictsWithAppends && Self.isDataChange(action):
                throw DeltaError(.conflict, "\(location): version \(version) added rows this commit should have read")
            default: continue
            }
        }
    }

    static func isDataChange(_ action: DeltaAction) -> Bool {
        if case .add(let add) = action { return add.dataChange }
        return false
    }

    static func txnID(of actions: [DeltaAction]) -> String? {
        for action in actions {
            if case .commitInfo(let info) = action, case .string(let id)? = info["txnId"] { return id }
        }
        return nil
    }
}
