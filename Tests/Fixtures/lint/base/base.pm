# The clean base every lint fixture is checked with (unless it starts with `# standalone`).
framework "Fixture framework" {
  plan       2024/25 to 2025/26
  year-start april
}
person ahill "Amy Hill" { role "Head of Service" }
person bcole "Ben Cole" { role "Service Manager" }
person cward "Cat Ward" { role "Performance Officer" }
person dmoss "Dan Moss" { role "Data Officer" }
priority P "A priority" {
  aim P1 "An aim"
}
tolerance standard {
  amber within 5% of target
}
defaults {
  frequency quarterly
  lag       10 working days
  tolerance standard
}
measure B.1 "Base measure" {
  aim         P1
  definition  "Number of things completed by the service team in the period."
  unit        count
  better      higher
  source      system "Case system"
  aggregate   sum
  baseline    2023/24 100
  target      2024/25 105, 2025/26 110
  accountable ahill, deputy bcole
  lead        cward, deputy dmoss
  collector   dmoss
  reviewer    bcole
}
