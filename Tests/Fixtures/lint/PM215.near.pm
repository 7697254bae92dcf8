# standalone
# a target equal to the benchmark
framework "F" {
  plan 2024/25 to 2024/25
  targets at least benchmark
}
person a "A"
person b "B"
priority P "P" {
  aim P1 "A"
}
measure F.1 "F" {
  aim P1
  definition "Percentage of things completed on time in the year."
  unit percent
  better higher
  source manual "Log"
  frequency annual
  lag 5 days
  benchmark "Peers" 80
  target 2024/25 80
  tolerance { amber within 1 point }
  accountable a, deputy b
  lead b, deputy a
  collector a
  reviewer b
}
