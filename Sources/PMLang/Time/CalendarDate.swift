/// A calendar date (proleptic Gregorian), as written `2024-06-30`.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    // Stored small (8 bytes, not 24): every figure's submission and every late flag's two dates carry one.
    private let storedYear: Int32
    private let storedMonth: UInt8
    private let storedDay: UInt8

    public var year: Int { Int(storedYear) }
    public var month: Int { Int(storedMonth) }
    public var day: Int { Int(storedDay) }

    /// Returns nil for impossible dates (`2025-02-29`, `2024-13-01`).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        storedYear = Int32(year)
        storedMonth = UInt8(month)
        storedDay = UInt8(day)
    }

    /// Parses `YYYY-MM-DD`.
    public init?(parsing text: some StringProtocol) {
        var b: [UInt8] = []
        b.append(contentsOf: text.utf8.prefix(11))
        guard let date = b.withUnsafeBufferPointer({ CalendarDate(utf8: $0) }) else { return nil }
        self = date
    }

    /// Parses `YYYY-MM-DD` from its bytes in place: a data file's `submitted` column has one on every
    /// row, and going through a `String` (or a cache of them, which hashed every cell) cost more than
    /// the digits.
    @inline(__always)
    public init?(utf8 b: UnsafeBufferPointer<UInt8>) {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        @inline(__always) func digit(_ i: Int) -> Int? {
            let d = b[i] &- 0x30
            return d < 10 ? Int(d) : nil
        }
        guard let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3),
              let m0 = digit(5), let m1 = digit(6), let d0 = digit(8), let d1 = digit(9) else { return nil }
        self.init(year: y0 * 1000 + y1 * 100 + y2 * 10 + y3, month: m0 * 10 + m1, day: d0 * 10 + d1)
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 0000-03-01 (a day count that makes date arithmetic a subtraction).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let m = month <= 2 ? month + 9 : month - 3
        return 365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + day - 1
    }

    /// The date `dayNumber` days after 0000-03-01.
    public init(dayNumber g: Int) {
        var y = (10000 * g + 14780) / 3652425
        var ddd = g - (365 * y + y / 4 - y / 100 + y / 400)
        if ddd < 0 {
            y -= 1
            ddd = g - (365 * y + y / 4 - y / 100 + y / 400)
        }
        let mi = (100 * ddd + 52) / 3060
        let mm = (mi + 2) % 12 + 1
        y += (mi + 2) / 12
        let dd = ddd - (mi * 306 + 5) / 10 + 1
        // Clamped rather than trapping: only a day count millions of years away reaches the limit.
        storedYear = Int32(clamping: y)
        storedMonth = UInt8(mm)
        storedDay = UInt8(dd)
    }

    /// Monday is 1, Sunday is 7.
    public var weekday: Int {
        // 0000-03-01 was a Wednesday.
        ((dayNumber % 7) + 7 + 2) % 7 + 1
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public var description: String {
        // Digit by digit into ten bytes (a late-submission message names two dates, on any row).
        guard (0...9999).contains(year) else {
            func pad(_ n: Int, _ w: Int) -> String {
                let s = String(n)
                return String(repeating: "0", count: max(0, w - s.count)) + s
            }
            return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        }
        return String(unsafeUninitializedCapacity: 10) { out in
            func digit(_ n: Int) -> UInt8 { UInt8(truncatingIfNeeded: 0x30 + n % 10) }
            out[0] = digit(year / 1000); out[1] = digit(year / 100); out[2] = digit(year / 10); out[3] = digit(year)
            out[4] = UInt8(ascii: "-")
            out[5] = digit(month / 10); out[6] = digit(month)
            out[7] = UInt8(ascii: "-")
            out[8] = digit(day / 10); out[9] = digit(day)
            return 10
        }
    }
}
