# standalone
# no tolerance and no defaults
framework "F" {
  plan 2024/25 to 2024/25
}
person a "A"
person b "B"
priority P "P" {
  aim P1 "A"
}
measure F.1 "F" {
  aim P1
  definition "Number of things completed by the team in the year."
  unit count
  better higher
  source manual "Log"
  frequency annual
  lag 5 days
  target 2024/25 10
  accountable a, deputy b
  lead b, deputy a
  collector a
  reviewer b
}
