# a month in a quarterly trajectory, and quarters missing
measure F.1 "Fixture measure" {
  aim         P1
  definition  "Number of things completed by the service team in the period."
  unit        count
  better      higher
  source      system "Case system"
  aggregate   sum
  trajectory  values 2024/25 Q1 25, 2024-07 25
  baseline    2023/24 100
  target      2024/25 105, 2025/26 110
  accountable ahill, deputy bcole
  lead        cward, deputy dmoss
  collector   dmoss
  reviewer    bcole
}
