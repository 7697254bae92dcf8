# The approved version.
framework "Integrity fixture" {
  plan       2024/25 to 2026/27
  year-start april
  approved   2024-06-20 by "Cabinet"
}
person ahill "Amy Hill" { role "Head of Service" }
person bcole "Ben Cole" { role "Service Manager" }
person cward "Cat Ward" { role "Performance Officer" }
person dmoss "Dan Moss" { role "Data Officer" }
priority P "A priority" {
  aim P1 "An aim"
}
tolerance standard "Amber within 5% of target" {
  amber within 5% of target
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
  target      2024/25 46, 2025/26 48, 2026/27 52
}
measure R.2 "Missed collections" {
  aim         P1
  definition  "Missed bin collections reported by residents per 100,000 scheduled collections."
  unit        rate per 100000, 1 dp
  better      lower
  source      system "Waste system"
  formula     missed / scheduled * 100000
  aggregate   ratio
  baseline    2023/24 60
  target      2024/25 58, 2025/26 55, 2026/27 52
}
