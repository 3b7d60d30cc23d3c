import ArgumentParser

@main
struct Laminar: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "laminar",
        abstract: "LaminarDB: streaming SQL into and out of the lakehouse.",
        subcommands: subcommands
    )

    private static var subcommands: [any ParsableCommand.Type] {
        var commands: [any ParsableCommand.Type] = [RunCommand.self, SQLCommand.self, ParquetCommand.self]
        #if Delta
        commands.append(TableCommand.self)
        #endif
        return commands
    }
}
