# PM3xx: tolerances and trajectories.

defaults {
  frequency quarterly
  lag       10 working days
}

thresholds bad-bands {
  green at most 8
  amber at most 6                                                     # PM302: shadowed by `green at most 8`
  red   above 10                                                      # PM302: 8 to 10 is rated by no band
}

measure T.1 "Profile that does not add up" {
  aim         P1
  definition  "Number of new homes completed in the district in the period."
  unit        count
  better      higher
  source      external "Building control returns" confidence green
  aggregate   sum
  target      2024/25 100, 2025/26 110
  trajectory  profile 20%, 25%, 25%                                   # PM304: 70%; PM305: 3 shares for 4 quarters
  tolerance   standard
  accountable ahill, deputy bcole
  lead        cward, deputy dmoss
  collector   dmoss
  reviewer    bcole
}

measure T.2 "Explicit plan that misses its target" {
  aim         P1
  definition  "Number of new homes completed in the district in the period."
  unit        count
  better      higher
  source      external "Building control returns" confidence green
  aggregate   sum
  target      2024/25 100, 2025/26 110
  trajectory  values 2024/25 Q1 20, 2024/25 Q2 20, 2024/25 Q3 20, 2024/25 Q4 20,  # PM306: 80, not 100
                     2025/26 Q1 25, 2025-07 30                                    # PM307: a month; Q2-Q4 missing
  tolerance   standard
  accountable ahill, deputy bcole
  lead        cward, deputy dmoss
  collector   dmoss
  reviewer    bcole
}

measure T.3 "Percentages summed, a zero target, a formula that is not a percentage" {
  aim         P1
  definition  "Percentage of licence applications decided within the statutory period."
  unit        percent, 1 dp
  better      lower
  source      system "Licensing system"
  formula     late / decided                                          # PM309: a percentage needs * 100
  aggregate   sum                                                     # PM308: percentages do not add up
  target      2024/25 0, 2025/26 0                                    # PM303: 5% of 0 is 0
  tolerance   standard
  accountable ahill, deputy bcole
  lead        cward, deputy dmoss
  collector   dmoss
  reviewer    bcole
}

measure T.4 "No tolerance, a guessed aggregate, a line with no start" {
  aim         P1
  definition  "Average number of days taken to process new benefit claims in the period."
  unit        days, 1 dp
  better      lower
  source      system "Benefits system"
  target      2024/25 20, 2025/26 18                                  # PM311: aggregate inferred (info)
  trajectory  linear                                                  # PM312: linear needs a baseline
  tolerance   { amber within 10% of target }
  accountable ahill, deputy bcole
  lead        cward, deputy dmoss
  collector   dmoss
  reviewer    bcole
}

measure T.5 "No tolerance at all" {                                 # PM301: none here, none in defaults
  aim         P1
  definition  "Average number of days taken to process changes of circumstances in the period."
  unit        days, 1 dp
  better      lower
  frequency   annual
  source      system "Benefits system"
  target      2024/25 8, 2025/26 7
  accountable ahill, deputy bcole
  lead        cward, deputy dmoss
  collector   dmoss
  reviewer    bcole
}

measure T.6 "Profile on a latest measure" {
  aim         P1
  definition  "Number of open housing benefit claims on the last day of the period."
  unit        count
  better      lower
  source      system "Benefits system"
  aggregate   latest
  target      2024/25 900, 2025/26 850
  trajectory  profile 25%, 25%, 25%, 25%                              # PM310: shares of a figure that does not add up
  tolerance   standard
  accountable ahill, deputy bcole
  lead        cward, deputy dmoss
  collector   dmoss
  reviewer    bcole
}

measure T.7 "A component named like a data column" {
  aim         P1
  definition  "Complaints answered within ten working days as a percentage of complaints closed."
  unit        percent, 1 dp
  better      higher
  source      system "Complaints system"
  formula     on-time / value * 100                                    # PM313: `value` is the figure column
  aggregate   ratio
  target      2024/25 85, 2025/26 88
  tolerance   standard
  accountable ahill, deputy bcole
  lead        cward, deputy dmoss
  collector   dmoss
  reviewer    bcole
}
