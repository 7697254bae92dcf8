# Support our Communities (SC): Housing and Communities.

defaults {
  accountable rsingh, deputy lwhite
  lead        mkhan, deputy zoe
  collector   aobi
  reviewer    lwhite
  committee   "Housing and Community Services"
}

measure SC1.1 "Households prevented from becoming homeless" {
  aim         SC1
  definition  "Percentage of households owed a prevention duty whose duty ended with accommodation secured for at least six months."
  unit        percent, 1 dp
  better      higher
  source      system "Housing options case management (H-CLIC)"
  formula     secured / duties-ended * 100
  aggregate   ratio
  baseline    2023/24 58.0
  target      2024/25 60, 2025/26 62, 2026/27 64, 2027/28 65
  benchmark   "England average 2023/24" 53.0
}

measure SC1.2 "Households in temporary accommodation" {
  aim         SC1
  definition  "Number of households living in temporary accommodation arranged by the council on the last day of the period."
  unit        count
  better      lower
  source      system "Housing options case management (H-CLIC)"
  aggregate   latest
  baseline    2023/24 64
  target      2024/25 60, 2025/26 56, 2026/27 52, 2027/28 48
  tolerance   stretch
}

measure SC1.3 "Average days to re-let council homes" {
  aim         SC1
  definition  "Average calendar days from tenancy end to new tenancy start for general needs council homes re-let in the period."
  unit        days, 1 dp
  better      lower
  frequency   monthly
  lag         8 working days
  source      system "Housing management system"
  formula     void-days / relets
  aggregate   ratio
  baseline    2023/24 34.0
  target      2024/25 32, 2025/26 30, 2026/27 28, 2027/28 27
}

measure SC1.4 "Occupancy of council hostels" {
  aim         SC1
  definition  "Percentage of council hostel bed spaces occupied on the last night of each month, averaged over the period."
  unit        percent, 0 dp
  better      within 85 to 95
  frequency   monthly
  lag         5 working days
  source      spreadsheet "Hostel occupancy log"
  aggregate   mean
  baseline    2023/24 97
  target      2024/25 90, 2025/26 90, 2026/27 90, 2027/28 90
  tolerance   { amber within 3 points }
  note        "Above 95% leaves no room for emergency placements; below 85% is wasted capacity."
}

measure SC2.1 "Affordable homes delivered" {
  aim         SC2
  definition  "Number of new affordable homes completed in the district, all tenures, from the Homes England return."
  unit        count
  better      higher
  source      external "Homes England completions return" confidence green
  aggregate   sum
  baseline    2023/24 132
  target      2024/25 150, 2025/26 160, 2026/27 170, 2027/28 180
  trajectory  profile 20%, 25%, 25%, 30%
  tolerance   stretch
}

measure SC2.2 "Disabled facilities grants completed within 26 weeks" {
  aim         SC2
  definition  "Percentage of disabled facilities grant adaptations completed within 26 weeks of the approved application."
  unit        percent, 1 dp
  better      higher
  source      spreadsheet "DFG tracker"
  formula     on-time / completed * 100
  aggregate   ratio
  baseline    2023/24 71.0
  target      2024/25 75, 2025/26 78, 2026/27 80, 2027/28 82
}

measure SC3.1 "Visits to council leisure centres" {
  aim         SC3
  definition  "Number of recorded visits to the council's three leisure centres, from the access control system."
  unit        count
  better      higher
  source      external "Leisure operator monthly return" confidence amber
  aggregate   sum
  baseline    2023/24 612_000
  target      2024/25 630_000, 2025/26 650_000, 2026/27 670_000, 2027/28 690_000
  trajectory  values 2024/25 Q1 165_000, 2024/25 Q2 150_000, 2024/25 Q3 145_000, 2024/25 Q4 170_000,
                     2025/26 Q1 170_000, 2025/26 Q2 155_000, 2025/26 Q3 150_000, 2025/26 Q4 175_000,
                     2026/27 Q1 175_000, 2026/27 Q2 160_000, 2026/27 Q3 155_000, 2026/27 Q4 180_000,
                     2027/28 Q1 180_000, 2027/28 Q2 165_000, 2027/28 Q3 160_000, 2027/28 Q4 185_000
}

measure SC3.2 "Residents who are physically active" {
  aim         SC3
  definition  "Percentage of adults doing at least 150 minutes of moderate physical activity a week (Active Lives survey)."
  unit        percent, 1 dp
  better      higher
  frequency   annual
  lag         120 days
  source      external "Sport England Active Lives survey" confidence amber
  aggregate   latest
  baseline    2023/24 64.1
  target      2024/25 65, 2025/26 66, 2026/27 67, 2027/28 68
  tolerance   tight
}

monitor SC3.3 "Anti-social behaviour incidents per 1,000 residents" {
  aim         SC3
  definition  "Anti-social behaviour incidents recorded by the police and the council per 1,000 residents."
  unit        rate per 1000, 1 dp
  better      lower
  source      external "Police recorded incidents" confidence amber
  formula     incidents / population * 1000
  aggregate   mean
}
