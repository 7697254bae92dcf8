import PMLang

SystemFile.exitProcess(LintCommand.run(Array(CommandLine.arguments.dropFirst()), io: .process))
