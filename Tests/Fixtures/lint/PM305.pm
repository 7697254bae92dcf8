# two shares for a quarterly measure
measure F.1 "Fixture measure" {
  aim         P1
  definition  "Number of things completed by the service team in the period."
  unit        count
  better      higher
  source      system "Case system"
  aggregate   sum
  trajectory  profile 50%, 50%
  baseline    2023/24 100
  target      2024/25 105, 2025/26 110
  accountable ahill, deputy bcole
  lead        cward, deputy dmoss
  collector   dmoss
  reviewer    bcole
}
