# Chorley Council, key service delivery measure, 2018/19 Q1 (published: 2.41 days against a target of 2).
framework "Chorley key service delivery measures (published figures)" {
  plan       2018/19 to 2018/19
  year-start april
}
person officer "Alex Officer" { role "Head of HR" }
person deputy  "Bo Deputy"    { role "HR Manager" }
person lead    "Cy Lead"      { role "Performance Officer" }
person backup  "Di Backup"    { role "Performance Officer" }
priority R "Resources" {
  aim R1 "An efficient council"
}
# "on or above target, or within the 5% threshold"
tolerance threshold "Below target but within the 5% threshold" {
  amber within 5% of target
}
measure SICK "Average working days per employee (FTE) per year lost through sickness absence" {
  aim         R1
  definition  "Working days lost to sickness absence per full-time equivalent employee, cumulative for the year."
  unit        days, 2 dp
  better      lower
  frequency   quarterly
  lag         10 working days
  source      system "HR system"
  aggregate   latest
  target      2018/19 8
  trajectory  values 2018/19 Q1 2, 2018/19 Q2 4, 2018/19 Q3 6, 2018/19 Q4 8
  tolerance   threshold
  accountable officer, deputy deputy
  lead        lead, deputy backup
  collector   backup
  reviewer    lead
}
