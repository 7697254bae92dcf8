# Wyvern Vale District Council: Council Plan 2024-2028.
# The framework header, the people, the priorities, and the shared tolerances and defaults.
# The measures are in one file per priority beside this one; `pmlint examples/` checks them together.

framework "Council Plan 2024-2028" {
  council        "Wyvern Vale District Council"
  plan           2024/25 to 2027/28
  year-start     april
  approved       2024-06-20 by "Finance and Management Committee"
  on-target      green amber grey          # amber and grey count as on target in committee summaries
  stretch-limit  25%                       # PM209: no target may improve on the year before by more
  targets at least benchmark               # PM215: targets must match or beat their benchmark
}

# People: fictional officers. Every accountable officer and performance lead has a deputy.
person hmorgan   "Helen Morgan"     { role "Head of Environmental Services" }
person dokafor   "David Okafor"     { role "Environmental Services Manager" }
person rsingh    "Ravi Singh"       { role "Head of Housing and Communities" }
person lwhite    "Laura White"      { role "Housing Options Manager" }
person jnowak    "Jan Nowak"        { role "Head of Economic Development" }
person efraser   "Eilidh Fraser"    { role "Regeneration Manager" }
person sahmed    "Sara Ahmed"       { role "Head of Corporate Resources" }
person tbrennan  "Tom Brennan"      { role "Revenues and Benefits Manager" }
person zoe       "Zoë Lefèvre"      { role "Performance and Policy Officer" }
person mkhan     "Mariam Khan"      { role "Senior Performance Officer" }
person pgreen    "Peter Green"      { role "Data Officer, Environment" }
person aobi      "Ada Obi"          { role "Data Officer, Housing" }
person cdavies   "Carys Davies"     { role "Data Officer, Corporate" }
person nlund     "Nils Lund"        { role "Business Support Officer" }

priority SE "Shape our Environment" {
  aim SE1 "Tackle climate change and strive to become carbon neutral by 2030"
  aim SE2 "Keep our streets and open spaces clean, green and safe"
}
priority SC "Support our Communities" {
  aim SC1 "Prevent homelessness and improve access to housing"
  aim SC2 "Increase the supply of affordable homes"
  aim SC3 "Help residents to live healthy and active lives"
}
priority EG "Grow our Economy" {
  aim EG1 "Support local businesses to start, grow and stay"
  aim EG2 "Deliver timely and high quality planning decisions"
}
priority OC "Our Council" {
  aim OC1 "Deliver value for money and sound finances"
  aim OC2 "Be a good employer with a healthy workforce"
  aim OC3 "Put customers first"
}

# South Derbyshire-style RAGG: Amber within 5% of target, Red beyond.
tolerance standard "Amber within 5% of target" {
  amber within 5% of target
}
# For percentages close to 100, where 5% of target is too generous.
tolerance tight "Amber within 1 percentage point" {
  amber within 1 point
}
# For measures where exceeding plan by a wide margin should be noticed (and the target reviewed).
tolerance stretch "Amber within 10%, Blue beyond 10% better" {
  amber within 10% of target
  blue  beyond 10% of target
}
# Fixed bands for sickness absence (days per full-time employee, year to date).
thresholds sickness-bands "Local government benchmark bands" {
  green at most 8
  amber at most 10
  red   above 10
}

defaults {
  frequency  quarterly
  lag        10 working days
  tolerance  standard
  trajectory flat
}
