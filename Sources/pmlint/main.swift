import Foundation
import PMLang

exit(LintCommand.run(Array(CommandLine.arguments.dropFirst()), io: .process))
