# PM0xx: the language. Each mistake is independent, and pmlint reports them all in one run.

defaults {
  tolerance standard
  frequency quarterly
  lag       10 working days
}

measure L.1 "Unclosed title {                              # PM001: the string never ends
  aim P1
}

measure L.2 "Misspelt and repeated fields" {
  aim         P1
  defintion   "Percentage of things done on time in the period."     # PM002: did you mean `definition`?
  unit        percent
  unit        count                                                   # PM003: given twice
  better      upwards                                                 # PM006: not higher, lower or within
  source      system "Case system"
  aggregate   ratio
  formula     done-on-time / done * 100
  target      2024/25 90, 2025/26 92
  accountable ahil, deputy bcole                                      # PM005: did you mean `ahill`?
  lead        cward, deputy dmoss
  collector   dmoss
  reviewer    bcole
}

person bcole "Ben Cole again"                                         # PM004: defined twice

framework "A second header" {                                         # PM007: one framework only
  plan 2024/25 to 2025/26
}

# pmlint: allow PM202 until 2024-01-31 -- an expired suppression is reported (PM008)
