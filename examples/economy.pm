# Grow our Economy (EG): Economic Development and Planning.

defaults {
  accountable jnowak, deputy efraser
  lead        zoe, deputy mkhan
  collector   nlund
  reviewer    efraser
  committee   "Environmental and Development Services"
}

measure EG1.1 "Business rates collected" {
  aim         EG1
  definition  "Percentage of non-domestic rates due for the financial year that were collected in the year to date."
  unit        percent, 1 dp
  better      higher
  frequency   monthly
  lag         5 working days
  source      system "Revenues system"
  formula     collected / due * 100
  aggregate   latest
  rate        ytd
  baseline    2023/24 97.8
  target      2024/25 98.0, 2025/26 98.2, 2026/27 98.4, 2027/28 98.5
  trajectory  values 2024-04 10.5, 2024-05 19.0, 2024-06 28.0, 2024-07 37.0, 2024-08 45.5, 2024-09 54.0,
                     2024-10 63.0, 2024-11 71.5, 2024-12 80.0, 2025-01 88.5, 2025-02 94.0, 2025-03 98.0,
                     2025-04 10.6, 2025-05 19.1, 2025-06 28.1, 2025-07 37.1, 2025-08 45.6, 2025-09 54.2,
                     2025-10 63.2, 2025-11 71.7, 2025-12 80.2, 2026-01 88.7, 2026-02 94.2, 2026-03 98.2,
                     2026-04 10.7, 2026-05 19.2, 2026-06 28.2, 2026-07 37.2, 2026-08 45.7, 2026-09 54.3,
                     2026-10 63.3, 2026-11 71.9, 2026-12 80.4, 2027-01 88.9, 2027-02 94.4, 2027-03 98.4,
                     2027-04 10.7, 2027-05 19.3, 2027-06 28.3, 2027-07 37.3, 2027-08 45.8, 2027-09 54.4,
                     2027-10 63.4, 2027-11 72.0, 2027-12 80.5, 2028-01 89.0, 2028-02 94.5, 2028-03 98.5
  tolerance   tight
}

measure EG1.2 "New business start-ups supported" {
  aim         EG1
  definition  "Number of new businesses that started trading after receiving at least twelve hours of council-funded support."
  unit        count
  better      higher
  source      spreadsheet "Business support CRM export"
  aggregate   sum
  baseline    2023/24 85
  target      2024/25 90, 2025/26 95, 2026/27 100, 2027/28 105
  trajectory  profile 25%, 25%, 25%, 25%
  tolerance   stretch
}

measure EG1.3 "Town centre vacancy rate" {
  aim         EG1
  definition  "Percentage of ground floor commercial units in the three town centres that are vacant at the survey date."
  unit        percent, 1 dp
  better      lower
  frequency   half-yearly
  lag         20 working days
  source      survey "Town centre health check"
  formula     vacant / units * 100
  aggregate   latest
  baseline    2023/24 14.2
  target      2024/25 13.5, 2025/26 12.8, 2026/27 12.0, 2027/28 11.5
}

measure EG2.1 "Major planning applications decided in time" {
  aim         EG2
  definition  "Percentage of major planning applications decided within 13 weeks or an agreed extension of time."
  unit        percent, 1 dp
  better      higher
  source      system "Planning portal back office"
  formula     in-time / decided * 100
  aggregate   ratio
  baseline    2023/24 86.0
  target      2024/25 88, 2025/26 90, 2026/27 90, 2027/28 92
  benchmark   "National threshold for designation" 60
}

measure EG2.2 "Minor planning applications decided in time" {
  aim         EG2
  definition  "Percentage of minor planning applications decided within 8 weeks or an agreed extension of time."
  unit        percent, 1 dp
  better      higher
  source      system "Planning portal back office"
  formula     in-time / decided * 100
  aggregate   ratio
  baseline    2023/24 81.0
  target      2024/25 84, 2025/26 86, 2026/27 88, 2027/28 90
  benchmark   "National threshold for designation" 70
}

measure EG2.3 "Planning appeals allowed" {
  aim         EG2
  definition  "Percentage of appeals against the council's planning decisions that the Planning Inspectorate allowed."
  unit        percent, 1 dp
  better      lower
  frequency   annual
  lag         30 days
  source      external "Planning Inspectorate statistics" confidence green
  formula     allowed / appeals * 100
  aggregate   ratio
  baseline    2023/24 28.0
  target      2024/25 26, 2025/26 25, 2026/27 24, 2027/28 22
  benchmark   "England average" 28.0
}

monitor EG2.4 "Planning applications received" {
  aim         EG2
  definition  "Number of valid planning applications of all types received by the council in the period."
  unit        count
  better      higher
  source      system "Planning portal back office"
  aggregate   sum
}
