/// A report written as it is made: its bytes gather in a buffer that goes to the destination (a file)
/// a megabyte at a time, so a national report (hundreds of megabytes of HTML) is never held whole.
/// Without a destination the bytes stay in the buffer, for the callers that want the whole text.
///
/// Writers hand on whole pieces (a string, a JSON element, a table row), and a block is handed on only
/// between pieces, so no block ends inside a character.
public struct ReportStream {
    public typealias Destination = (UnsafeBufferPointer<UInt8>) -> Void
    /// What has been written and not yet handed on.
    public private(set) var buffer: [UInt8] = []
    private let destination: Destination?
    /// How much gathers before it is handed on: a megabyte, so that writes are few and the buffer does
    /// not matter beside the figures (tests make it small, to hand on at every turn).
    let spillSize: Int

    /// What `write` writes, as one string: a streamed report made whole (tests, small reports).
    public static func text(_ write: (inout ReportStream) -> Void) -> String {
        var stream = ReportStream()
        write(&stream)
        return String(decoding: stream.buffer, as: UTF8.self)
    }

    /// Keeps everything in `buffer`.
    public init() {
        destination = nil
        spillSize = .max
    }

    /// Hands the bytes to `destination` as they gather, and the rest on `finish()`.
    public init(spillSize: Int = 1 << 20, to destination: @escaping Destination) {
        self.destination = destination
        self.spillSize = spillSize
        buffer.reserveCapacity(min(spillSize, 1 << 20) + 4096)
    }

    /// Appends text (a long text is handed on from its own storage, not copied).
    public mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { write(bytes: $0) }
    }

    /// Appends bytes.
    public mutating func write(bytes: UnsafeBufferPointer<UInt8>) {
        if let destination, buffer.isEmpty, bytes.count >= spillSize {
            destination(bytes)  // already a full block: handed on without a copy
            return
        }
        buffer.append(contentsOf: bytes)
        spillIfFull()
    }

    /// Hands on what has gathered once it is a megabyte or more.
    mutating func spillIfFull() {
        if destination != nil && buffer.count >= spillSize { finish() }
    }

    /// Hands on everything gathered so far (nothing, without a destination).
    public mutating func finish() {
        guard let destination, !buffer.isEmpty else { return }
        buffer.withUnsafeBufferPointer(destination)
        buffer.removeAll(keepingCapacity: true)
    }
}
