# a relative tolerance on a zero target
measure F.1 "Fixture measure" {
  aim         P1
  definition  "Number of things completed by the service team in the period."
  unit        count
  better      lower
  source      system "Case system"
  aggregate   sum
    target      2024/25 0, 2025/26 0
  accountable ahill, deputy bcole
  lead        cward, deputy dmoss
  collector   dmoss
  reviewer    bcole
}
