import Foundation
import PMRuntime

exit(RunCommand.run(Array(CommandLine.arguments.dropFirst()), io: .process))
