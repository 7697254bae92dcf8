import PMLang
import PMRuntime

SystemFile.exitProcess(RunCommand.run(Array(CommandLine.arguments.dropFirst()), io: .process))
