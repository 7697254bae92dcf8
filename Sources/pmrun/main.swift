import PMLang
import PMRuntime

ProcessMemory.returnFreedBlocks()
SystemFile.exitProcess(RunCommand.run(Array(CommandLine.arguments.dropFirst()), io: .process))
