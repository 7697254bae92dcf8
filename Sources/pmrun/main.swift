import Foundation
import PMRuntime

// pmrun's evaluator is another issue; until it lands, say so rather than pretend (exit 2: cannot run).
FileHandle.standardError.write(Data("pmrun: \(PMRuntime.status)\n".utf8))
exit(2)
