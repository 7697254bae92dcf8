#!/usr/bin/env python3
"""Validates `pmlint --format sarif` on the examples against the SARIF 2.1.0 schema kept in Tests/Fixtures."""
import json, subprocess, sys
import jsonschema

schema = json.load(open("Tests/Fixtures/schemas/sarif-schema-2.1.0.json"))
for target in (["examples/"], ["examples/mistakes/"]):
    run = subprocess.run([".build/debug/pmlint", *target, "--format", "sarif"], capture_output=True, text=True)
    if run.returncode not in (0, 1):
        sys.exit(f"pmlint {target} exited {run.returncode}: {run.stderr}")
    log = json.loads(run.stdout)
    jsonschema.validate(log, schema)
    print(f"SARIF for {' '.join(target)}: valid ({len(log['runs'][0]['results'])} results)")
