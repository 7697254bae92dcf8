# The clean base the mistake files share: one framework, people, aims and tolerances.
# Each other file in this folder holds the mistakes of one family of rules.

framework "Mistakes gallery" {
  plan       2024/25 to 2025/26
  year-start april
  targets at least benchmark
}

person ahill   "Amy Hill"    { role "Head of Service" }
person bcole   "Ben Cole"    { role "Service Manager" }
person cward   "Cat Ward"    { role "Performance Officer" }
person dmoss   "Dan Moss"    { role "Data Officer" }

priority P "A priority" {
  aim P1 "An aim served by the measures below"
}

tolerance standard {
  amber within 5% of target
}
