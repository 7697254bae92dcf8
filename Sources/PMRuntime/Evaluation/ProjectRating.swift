import PMLang

/// A project rated by its milestones: Red with one overdue, Amber with one due in the period and not done,
/// Green otherwise, Grey without milestones.
extension Evaluator {
    func evaluate(_ project: ProjectDecl, reportPeriod: Period) -> ProjectResult {
        let start = calendar.startDate(of: reportPeriod)
        let end = calendar.endDate(of: reportPeriod)
        let updates = data.milestones[project.id.value] ?? []
        var statuses: [MilestoneStatus] = []
        for milestone in project.milestones {
            let completed = updates.filter { $0.milestone == milestone.title }.compactMap(\.completed).filter { $0 <= end }.min()
            let state: MilestoneState
            if completed != nil { state = .done }
            else if milestone.due < start { state = .overdue }
            else if milestone.due <= end { state = .dueInPeriod }
            else { state = .upcoming }
            statuses.append(MilestoneStatus(title: milestone.title, due: milestone.due, completed: completed, state: state))
        }
        let rating: Rating
        if statuses.isEmpty { rating = .grey }
        else if statuses.contains(where: { $0.state == .overdue }) { rating = .red }
        else if statuses.contains(where: { $0.state == .dueInPeriod }) { rating = .amber }
        else { rating = .green }
        var flags: [Flag] = []
        for s in statuses where s.state == .overdue { flags.append(Flag("milestone \"\(s.title)\" was due \(s.due) and is not done")) }
        for s in statuses where s.state == .dueInPeriod { flags.append(Flag("milestone \"\(s.title)\" due \(s.due) is not done")) }
        return ProjectResult(
            id: project.id.value, title: project.title, aim: project.aim?.value,
            aimTitle: project.aim.flatMap { framework.aims[$0.value]?.title }, priority: priority(ofAim: project.aim?.value),
            rating: rating, milestones: statuses, accountable: personName(project.accountable?.value.person.value),
            committee: project.committee?.value, commentary: data.projectCommentary[project.id.value]?[reportPeriod], flags: flags)
    }
}
