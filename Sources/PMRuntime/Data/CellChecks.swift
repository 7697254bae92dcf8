import PMLang

/// The checks of a row's cells: its period against the measure's frequency and the plan (PM508), its
/// numbers (PM503, PM504), a ratio's parts (PM505, PM506) and its submission date (PM510).
extension DataLoader {
    /// Parses the period and checks it against the measure's frequency and the plan (PM508).
    mutating func checkedPeriod(_ text: Cell, _ info: MeasureInfo, origin: RowRef) -> Period? {
        guard !text.bytes.isEmpty else {
            reject(origin, .periodMismatch, "no period given", measure: info.id)
            return nil
        }
        guard let period = periods.value(text.bytes, parse: { Period(utf8: $0) }) else {
            reject(origin, .periodMismatch, "\(MessageQuote.quote(text.description)) is not a period; write 2025/26, 2025/26 H1, 2025/26 Q1 (or Q1 2025/26) or 2025-06",
                   measure: info.id, period: text.description)
            return nil
        }
        let frequency = info.frequency
        if period.frequency != frequency {
            reject(origin, .periodMismatch, "\(text) is a \(DataLoader.describe(period.frequency)) period but \(info.id) is reported \(frequency.rawValue)",
                   measure: info.id, period: text.description)
            return nil
        }
        let year = calendar.fiscalYear(of: period)
        if let firstYear, let lastYear, year < firstYear || year > lastYear {
            reject(origin, .periodMismatch, "\(text) is outside the plan (\(firstYear.next) to \(lastYear)) and the year before it",
                   measure: info.id, period: text.description)
            return nil
        }
        return period
    }

    static func describe(_ f: Frequency) -> String {
        switch f {
        case .monthly: return "monthly"
        case .quarterly: return "quarterly"
        case .halfYearly: return "half-yearly"
        case .annual: return "whole-year"
        }
    }

    /// Reads a number cell, or says why it is not one (PM503).
    mutating func number(_ record: CSVRecord, _ column: Int?, name: String, info: MeasureInfo, origin: RowRef, periodText: Cell) -> DecimalValue? {
        guard let column else {
            reject(origin, .notANumber, "the file has no `\(name)` column, which \(info.id) needs", measure: info.id, period: periodText.description)
            return nil
        }
        let bytes = CSVRecord.trimmedBytes(record.field(column))
        if let v = DecimalValue(utf8: bytes) { return v }
        if bytes.isEmpty {
            reject(origin, .notANumber, "no value given for \(MessageQuote.quote(name))", measure: info.id, period: periodText.description)
            return nil
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let lower = text.lowercased()
        var reason = "\(MessageQuote.quote(text)) in \(MessageQuote.quote(name)) is not a number"
        if ["nan", "inf", "-inf", "+inf", "infinity", "-infinity"].contains(lower) {
            reason += " (not a finite figure)"
        } else if text.hasSuffix("%") {
            reason += "; write the figure without `%`"
        } else if text.contains(",") {
            reason += "; write it without thousands separators"
        } else if lower.contains("e") && Double(text) != nil {
            reason += "; write it in plain decimal form, without an exponent"
        } else if DataLoader.isLongNumber(bytes) {
            reason = "\(MessageQuote.quote(text)) in \(MessageQuote.quote(name)) has more digits than a figure holds (at most 30 significant digits)"
        }
        reject(origin, .notANumber, reason, measure: info.id, period: periodText.description)
        return nil
    }

    /// Whether a cell that did not parse is a plain decimal all the same, and so has too many digits: a
    /// sign, digits (underscores between them) and at most one point.
    static func isLongNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var rest = bytes[...]
        if let first = rest.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { rest = rest.dropFirst() }
        var points = 0, digits = 0
        for b in rest {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): points += 1
            case UInt8(ascii: "_"): continue
            default: return false
            }
        }
        return digits > 0 && points <= 1
    }

    /// The row's figure, from the `value` column or the formula over its component columns, into
    /// `observation`; false (and the row rejected) when there is none. Filled in place: returned, the
    /// figure was copied out of its optional for every row.
    mutating func value(_ record: CSVRecord, columns c: Columns, info: MeasureInfo, origin: RowRef, periodText: Cell,
                        into observation: inout Observation) -> Bool {
        if let formula = info.formula {
            if info.components.count == 2, let (ni, di) = info.simpleRatio, let multiplier = info.multiplier {
                // `a / b * k` over two columns, the usual shape: no array of values, no lookup closure.
                let ids = info.componentIDs
                guard let v0 = number(record, c.componentColumns[ids[0]], name: info.components[0], info: info, origin: origin, periodText: periodText),
                      let v1 = number(record, c.componentColumns[ids[1]], name: info.components[1], info: info, origin: origin, periodText: periodText)
                else { return false }
                guard ratioFigure(ni == 0 ? v0 : v1, di == 0 ? v0 : v1, multiplier: multiplier, info, &observation, origin: origin, periodText: periodText),
                      isAcceptable(observation.value, info, origin: origin, periodText: periodText)
                else { return false }
                return true
            }
            var values: [DecimalValue] = []
            values.reserveCapacity(info.components.count)
            for (name, id) in zip(info.components, info.componentIDs) {
                guard let v = number(record, c.componentColumns[id], name: name, info: info, origin: origin, periodText: periodText) else { return false }
                values.append(v)
            }
            // A formula names a handful of components: found by a scan, not a table kept per measure.
            let lookup: (String) -> DecimalValue? = { name in info.components.firstIndex(of: name).map { values[$0] } }
            if let ratio = info.ratio {
                guard let n = ratio.numerator.evaluate(lookup), let d = ratio.denominator.evaluate(lookup),
                      ratioFigure(n, d, multiplier: ratio.multiplier, info, &observation, origin: origin, periodText: periodText)
                else { return false }
            } else {
                guard let v = formula.evaluate(lookup) else { return false }
                guard v.isValid else {
                    reject(origin, .zeroDenominator, "\(formula.text) divides by zero for this row", measure: info.id, period: periodText.description)
                    return false
                }
                observation.value = v
            }
        } else {
            guard let v = number(record, c.value, name: "value", info: info, origin: origin, periodText: periodText) else { return false }
            observation.value = v
        }
        return isAcceptable(observation.value, info, origin: origin, periodText: periodText)
    }

    /// The figure of `a / b * k` from its numerator and denominator, or nil (and the row rejected) when
    /// the denominator is 0 or a percentage's numerator exceeds it.
    mutating func ratioFigure(_ n: DecimalValue, _ d: DecimalValue, multiplier: DecimalValue,
                              _ info: MeasureInfo, _ observation: inout Observation, origin: RowRef, periodText: Cell) -> Bool {
        if d.isZero, let ratio = info.ratio {
            reject(origin, .zeroDenominator, "\(ratio.denominator.text) is 0, so \(info.id) cannot be calculated", measure: info.id, period: periodText.description)
            return false
        }
        if info.unit?.kind == .percent, n > d, let ratio = info.ratio {
            reject(origin, .numeratorExceedsDenominator,
                   "\(ratio.numerator.text) (\(n)) is greater than \(ratio.denominator.text) (\(d)), so the percentage would exceed 100",
                   measure: info.id, period: periodText.description)
            return false
        }
        observation.numerator = n
        observation.denominator = d
        observation.value = (n * multiplier).divided(by: d, places: DecimalValue.maxScale)
        return true
    }

    /// Whether a figure is exact and within its unit's domain (PM503, PM506); if not, the row is rejected.
    /// Given the value alone: passing the whole figure in and out copied it twice a row.
    mutating func isAcceptable(_ value: DecimalValue, _ info: MeasureInfo, origin: RowRef, periodText: Cell) -> Bool {
        guard value.isValid else {
            reject(origin, .notANumber, "the figure is too large to hold exactly", measure: info.id, period: periodText.description)
            return false
        }
        if let unit = info.unit, let why = unit.domainViolation(value) {
            reject(origin, .valueOutsideDomain, "\(value.rounded(places: max(unit.precision, 2)).normalized()) is outside the unit's domain: \(why)", measure: info.id, period: periodText.description)
            return false
        }
        return true
    }

    /// PM510: a `submitted` date later than the period end plus the lag. The figure is still used.
    mutating func checkSubmitted(_ bytes: UnsafeBufferPointer<UInt8>, _ o: inout Observation, _ info: MeasureInfo, period: Period, origin: RowRef) {
        guard let date = CalendarDate(utf8: bytes) else {
            let text = String(decoding: bytes, as: UTF8.self)
            flag(DataFlag(origin: self.origin(origin), code: .lateSubmission, message: "submitted date \(MessageQuote.quote(text)) is not a date (write YYYY-MM-DD)", measure: info.id), position: info.index)
            return
        }
        o.submitted = date
        let due = dueDates.due(info.lag, period)
        if date > due {
            flag(DataFlag(origin: self.origin(origin), code: .lateSubmission, measure: info.id, detail: .late(period: period, submitted: date, due: due)), position: info.index)
        }
    }
}
