# PM2xx: SMART targets linked to the plan.

defaults {
  tolerance standard
}

priority Q "A second priority" {
  aim Q1 "An aim nothing serves"                                      # PM211 (warning)
}

measure S.1 "Nothing specific, nothing measurable" {                  # PM201, PM203-PM206, PM210
  lag         10 working days
  target      2024/25 10, 2025/26 12
  accountable ahill, deputy bcole
  lead        cward, deputy dmoss
  collector   dmoss
  reviewer    bcole
}

measure S.2 "Targets that cannot be met, or ask for nothing" {
  aim         P1
  definition  "Rate"                                                  # PM202: too short (warning)
  unit        percent, 1 dp
  better      higher
  source      manual "Spreadsheet kept by the team"
  frequency   quarterly
  lag         10 working days
  aggregate   mean
  baseline    2023/24 60
  target      2024/25 104, 2025/26 58                                 # PM207: over 100%; PM208: below baseline
  accountable ahill, deputy bcole
  lead        cward, deputy dmoss
  collector   dmoss
  reviewer    bcole
}

measure S.3 "Targets out of time" {
  aim         P1
  definition  "Number of homes improved through the council's repair grant scheme."
  unit        count
  better      higher
  source      system "Grants system"
  aggregate   sum
  frequency   quarterly
  lag         0 days
  baseline    2023/24 40
  target      2024/25 80, 2026/27 90                                  # PM209: +100%; PM212: no 2025/26; PM213: 2026/27
  accountable ahill, deputy bcole
  lead        cward, deputy dmoss
  collector   dmoss
  reviewer    bcole
}

measure S.4 "No lag" {                                                # PM214 (warning)
  aim         P1
  definition  "Number of homes improved through the council's repair grant scheme."
  unit        count
  better      higher
  frequency   annual
  source      system "Grants system"
  target      2024/25 40, 2025/26 42
  accountable ahill, deputy bcole
  lead        cward, deputy dmoss
  collector   dmoss
  reviewer    bcole
}

measure S.5 "Aiming below the benchmark" {
  aim         P1
  definition  "Percentage of food premises rated broadly compliant at their last inspection."
  unit        percent, 1 dp
  better      higher
  frequency   annual
  lag         20 working days
  source      system "Food safety system"
  baseline    2023/24 88
  benchmark   "County average" 93
  target      2024/25 90, 2025/26 92                                  # PM215: both below the benchmark (warning)
  accountable ahill, deputy bcole
  lead        cward, deputy dmoss
  collector   dmoss
  reviewer    bcole
}
