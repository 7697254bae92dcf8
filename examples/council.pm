# Our Council (OC): Corporate Resources.

defaults {
  accountable sahmed, deputy tbrennan
  lead        mkhan, deputy zoe
  collector   cdavies
  reviewer    tbrennan
  committee   "Finance and Management"
}

measure OC1.1 "Council tax collected" {
  aim         OC1
  definition  "Percentage of council tax due for the financial year that was collected in the year to date."
  unit        percent, 1 dp
  better      higher
  frequency   monthly
  lag         5 working days
  source      system "Revenues system"
  formula     collected / due * 100
  aggregate   latest
  rate        ytd
  baseline    2023/24 97.2
  target      2024/25 97.5, 2025/26 97.7, 2026/27 97.9, 2027/28 98.0
  trajectory  linear
  tolerance   tight
  benchmark   "Shire district median" 97.3
}

measure OC1.2 "Variance of net revenue spend from budget" {
  aim         OC1
  definition  "Forecast outturn of net revenue expenditure minus the approved budget, in pounds, at the period end."
  unit        currency, 0 dp
  better      within -250_000 to 250_000
  source      system "Financial management system"
  aggregate   latest
  baseline    2023/24 310_000
  target      2024/25 0, 2025/26 0, 2026/27 0, 2027/28 0
  tolerance   { amber within 150_000 }
}

measure OC1.3 "Invoices paid within 30 days" {
  aim         OC1
  definition  "Percentage of undisputed supplier invoices paid within 30 days of receipt."
  unit        percent, 1 dp
  better      higher
  frequency   monthly
  lag         5 working days
  source      system "Financial management system"
  formula     paid-on-time / paid * 100
  aggregate   ratio
  baseline    2023/24 95.1
  target      2024/25 96, 2025/26 96.5, 2026/27 97, 2027/28 97.5
  tolerance   tight
}

measure OC2.1 "Working days lost to sickness absence" {
  aim         OC2
  definition  "Working days lost to sickness absence per full-time equivalent employee, rolling twelve months."
  unit        days, 1 dp
  better      lower
  source      system "HR and payroll system"
  aggregate   latest
  rate        period
  baseline    2023/24 9.4
  target      2024/25 9.0, 2025/26 8.6, 2026/27 8.3, 2027/28 8.0
  tolerance   sickness-bands
  benchmark   "Shire district median" 9.1
}

measure OC2.2 "Staff turnover" {
  aim         OC2
  definition  "Leavers in the rolling twelve months as a percentage of the average headcount over those months."
  unit        percent, 1 dp
  better      lower
  source      system "HR and payroll system"
  formula     leavers / headcount * 100
  aggregate   latest
  baseline    2023/24 14.8
  target      2024/25 14.0, 2025/26 13.5, 2026/27 13.0, 2027/28 12.5
}

measure OC3.1 "Calls to the contact centre answered" {
  aim         OC3
  definition  "Percentage of calls to the customer contact centre answered by an adviser before the caller hangs up."
  unit        percent, 1 dp
  better      higher
  frequency   monthly
  lag         5 working days
  source      system "Telephony platform"
  formula     answered / offered * 100
  aggregate   ratio
  baseline    2023/24 86.4
  target      2024/25 88, 2025/26 89, 2026/27 90, 2027/28 90
}

measure OC3.2 "Complaints answered within 10 working days" {
  aim         OC3
  definition  "Percentage of stage one complaints that received a full response within ten working days."
  unit        percent, 1 dp
  better      higher
  source      manual "Complaints log"
  formula     on-time / closed * 100
  aggregate   ratio
  baseline    2023/24 78.0
  target      2024/25 82, 2025/26 85, 2026/27 88, 2027/28 90
}

measure OC3.3 "Residents satisfied with the council" {
  aim         OC3
  definition  "Percentage of residents in the annual residents' survey who are satisfied with the way the council runs things."
  unit        percent, 0 dp
  better      higher
  frequency   annual
  lag         40 working days
  source      survey "Annual residents' survey"
  aggregate   latest
  baseline    2023/24 61
  target      2024/25 62, 2025/26 63, 2026/27 64, 2027/28 65
  tolerance   tight
  perspective customers
}

monitor OC3.4 "Website visits" {
  aim         OC3
  definition  "Number of distinct visits to the council website recorded by the analytics platform."
  unit        count
  better      higher
  frequency   monthly
  source      system "Web analytics"
  aggregate   sum
}
