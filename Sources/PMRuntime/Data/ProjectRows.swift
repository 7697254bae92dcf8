import PMLang

/// A project's rows: milestone updates and commentary.
extension DataLoader {
    mutating func projectRow(_ record: CSVRecord, columns c: Columns, project: ProjectDecl, origin: RowOrigin, periodText: Cell) {
        let id = project.id.value
        var period: Period?
        if !periodText.bytes.isEmpty {
            guard let p = Period(utf8: periodText.bytes) else {
                reject(origin, .periodMismatch, "\(MessageQuote.quote(periodText.description)) is not a period", measure: id, period: periodText.description)
                return
            }
            period = p
        }
        // Read as a measure's is; a project has no place among the measures' flags.
        let commentary = DataLoader.commentary(record, c).commentary
        guard let title = DataLoader.optional(record, c.milestone) else {
            // A commentary row for the project.
            guard let period else {
                reject(origin, .periodMismatch, "a project row without a milestone is commentary and needs a period", measure: id)
                return
            }
            if base.projectCommentary[id]?[period] != nil {
                reject(origin, .duplicateRow, "commentary for \(id) \(period) is already given", measure: id, period: periodText.description)
                return
            }
            base.projectCommentary[id, default: [:]][period] = commentary
            return
        }
        guard let milestone = project.milestones.first(where: { $0.title.lowercased() == title.lowercased() }) else {
            var reason = "project \(id) has no milestone \"\(title)\""
            if let hint = Spelling.didYouMean(title, among: project.milestones.map(\.title)) { reason += "; \(hint)" }
            reject(origin, .unknownMeasure, reason, measure: id, period: periodText.description)
            return
        }
        var completed: CalendarDate?
        if let text = DataLoader.optional(record, c.completed) {
            guard let d = CalendarDate(parsing: text) else {
                reject(origin, .notANumber, "`completed on` date \(MessageQuote.quote(text)) is not a date (write YYYY-MM-DD)", measure: id, period: periodText.description)
                return
            }
            completed = d
        }
        let key = "\(id)\u{0}\(milestone.title)\u{0}\(period?.description ?? "")"
        if let first = milestoneKeys[key] {
            reject(origin, .duplicateRow, "milestone \"\(milestone.title)\" of \(id) is already reported at \(first)", measure: id, period: periodText.description)
            return
        }
        milestoneKeys[key] = origin
        base.milestones[id, default: []].append(MilestoneUpdate(milestone: milestone.title, completed: completed, period: period, origin: origin))
        if !commentary.isEmpty, let period, base.projectCommentary[id]?[period] == nil {
            base.projectCommentary[id, default: [:]][period] = commentary
        }
    }
}
