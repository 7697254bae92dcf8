# Borough Council of King's Lynn and West Norfolk, 2019/20 Q2 (published: 14 days against a target of 11).
framework "West Norfolk corporate performance indicators (published figures)" {
  plan       2019/20 to 2019/20
  year-start april
}
person officer "Alex Officer" { role "Revenues and Benefits Manager" }
person deputy  "Bo Deputy"    { role "Benefits Team Leader" }
person lead    "Cy Lead"      { role "Performance Officer" }
person backup  "Di Backup"    { role "Performance Officer" }
priority H "Housing and benefits" {
  aim H1 "Timely benefits"
}
# "where indicators had not met agreed targets": a red flag, with no amber band
thresholds target-met "Met (11 days or fewer) or not met" {
  green at most 11
  red   otherwise
}
measure HS15 "Number of days to process change of circumstances" {
  aim         H1
  definition  "Average number of days to process a change of circumstances for housing benefit and council tax support."
  unit        days, 0 dp
  better      lower
  frequency   quarterly
  lag         10 working days
  source      system "Benefits system"
  aggregate   latest
  target      2019/20 11
  tolerance   target-met
  accountable officer, deputy deputy
  lead        lead, deputy backup
  collector   backup
  reviewer    lead
}
