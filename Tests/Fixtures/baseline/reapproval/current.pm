# The version under review: reapproval.
framework "Integrity fixture" {
  plan       2024/25 to 2026/27
  year-start april
  approved   2025-07-15 by "Cabinet"
}
person ahill "Amy Hill" { role "Head of Service" }
person bcole "Ben Cole" { role "Service Manager" }
person cward "Cat Ward" { role "Performance Officer" }
person dmoss "Dan Moss" { role "Data Officer" }
priority P "A priority" {
  aim P1 "An aim"
}
tolerance standard "Amber within 5% of target" {
  amber within 10% of target
}
defaults {
  frequency   quarterly
  lag         10 working days
  tolerance   standard
  accountable ahill, deputy bcole
  lead        cward, deputy dmoss
  collector   dmoss
  reviewer    bcole
}
measure R.1 "Household waste recycled" {
  aim         P1
  definition  "Household waste collected that is sent for reuse, recycling or composting, as a percentage."
  unit        percent, 1 dp
  better      higher
  source      system "Waste system"
  formula     recycled / collected * 100
  aggregate   ratio
  baseline    2023/24 44
  target      2024/25 46, 2025/26 46, 2026/27 52
}
