import ArgumentParser

@main
struct Laminar: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "laminar",
        abstract: "LaminarDB: streaming SQL into and out of the lakehouse.",
        subcommands: [RunCommand.self, SQLCommand.self, ParquetCommand.self]
    )
}
