# PM1xx: ownership. Every measure needs an accountable officer and a lead, each with a deputy,
# and a data collector with a separate reviewer.

defaults {
  tolerance standard
  frequency quarterly
  lag       10 working days
}

person eyu "Eve Yu" { role "Left the council in 2023" }              # PM109: never used (info)

measure O.1 "Nobody owns this" {                                      # PM101, PM104, PM106, PM107
  aim         P1
  definition  "Number of things completed in the period by the service team."
  unit        count
  better      higher
  source      system "Case system"
  aggregate   sum
  target      2024/25 100, 2025/26 110
}

measure O.2 "Owners without cover" {
  aim         P1
  definition  "Number of things completed in the period by the service team."
  unit        count
  better      higher
  source      system "Case system"
  aggregate   sum
  target      2024/25 100, 2025/26 110
  accountable ahill                                                   # PM102: no deputy
  lead        cward, deputy cward                                     # PM103: deputy is the lead
  collector   dmoss
  reviewer    dmoss                                                   # PM108: reviews own collection
}

measure O.3 "A lead without a deputy" {
  aim         P1
  definition  "Number of things completed in the period by the service team."
  unit        count
  better      higher
  source      system "Case system"
  aggregate   sum
  target      2024/25 100, 2025/26 110
  accountable ahill, deputy bcole
  lead        cward                                                   # PM105: no deputy
  collector   dmoss
  reviewer    bcole
}
