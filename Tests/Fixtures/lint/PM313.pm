# a component named like the `value` column
measure F.1 "Fixture measure" {
  aim         P1
  definition  "Number of things completed by the service team in the period."
  unit        percent
  better      higher
  formula     done / value * 100
  source      system "Case system"
  aggregate   ratio
  baseline    2023/24 50
  target      2024/25 52, 2025/26 54
  accountable ahill, deputy bcole
  lead        cward, deputy dmoss
  collector   dmoss
  reviewer    bcole
}
