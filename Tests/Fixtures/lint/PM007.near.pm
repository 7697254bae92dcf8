# standalone
# exactly one header with a plan
framework "F" {
  plan 2024/25 to 2025/26
}
