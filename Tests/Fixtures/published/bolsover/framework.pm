# Bolsover District Council, Ambition Plan target ENV.03 for 2023/24 (published: about 40.5% against 43%).
framework "Bolsover Ambition Plan targets (published figures)" {
  plan       2023/24 to 2023/24
  year-start april
}
person officer "Alex Officer" { role "Head of Street Scene" }
person deputy  "Bo Deputy"    { role "Waste Services Manager" }
person lead    "Cy Lead"      { role "Improvement Officer" }
person backup  "Di Backup"    { role "Improvement Officer" }
priority E "Environment" {
  aim E1 "Reduce waste"
}
# Targets are achieved or not achieved.
thresholds achieved "Achieved (43% or more) or not achieved" {
  green at least 43
  red   otherwise
}
measure ENV.03 "Combined recycling and composting rate" {
  aim         E1
  definition  "Household waste sent for recycling and composting as a percentage of household waste collected in the year."
  unit        percent, 1 dp
  better      higher
  frequency   annual
  lag         60 days
  source      external "WasteDataFlow" confidence amber
  aggregate   latest
  baseline    2022/23 36
  target      2023/24 43
  tolerance   achieved
  accountable officer, deputy deputy
  lead        lead, deputy backup
  collector   backup
  reviewer    lead
}
