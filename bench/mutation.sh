#!/usr/bin/env bash
# Mutation testing of the integrity modules (audit chain, permissions, custody, evidence store,
# backup, training packages, report anonymization) with mutmut 3; configuration: setup.cfg
# [mutmut] (which modules, which tests). Prints the score and every surviving mutant.
#   bench/mutation.sh            # full run (slow: each mutant reruns the tests that cover it)
#   MAX_CHILDREN=1 bench/mutation.sh
set -uo pipefail
cd "$(dirname "$0")/.."
unset PYTHONPATH  # mutmut puts its mutated copy (./mutants) first on the path itself
export QT_QPA_PLATFORM=offscreen CASEDESK_NO_HARD_EXIT=1 CASEDESK_FUZZ_EXAMPLES=${CASEDESK_FUZZ_EXAMPLES:-15}
[ "${RESUME:-0}" = 1 ] || rm -rf mutants   # RESUME=1 continues an interrupted run
# Optional: MODULES="app.services.common.audit* app.services.common.context*" runs those first.
python3 -m mutmut run --max-children "${MAX_CHILDREN:-2}" ${MODULES:-} >/tmp/casedesk-mutmut.log 2>&1
status=$?
python3 -m mutmut results --all true > /tmp/casedesk-mutmut-results.txt 2>&1 || true
python3 - <<'PY'
import collections, re
lines = open("/tmp/casedesk-mutmut-results.txt", encoding="utf-8").read().splitlines()
states = collections.Counter()
survivors = []
for line in lines:
    m = re.match(r"\s*(\S+): (\w[\w ]*)$", line)
    if m:
        states[m.group(2)] += 1
        if m.group(2) == "survived":
            survivors.append(m.group(1))
killed = states["killed"] + states["timeout"] + states["segfault"]
tested = killed + states["survived"]
print("mutants:", dict(states))
print(f"mutation score: {killed}/{tested} = {100 * killed / max(tested, 1):.1f}% killed")
print("survivors:")
for s in survivors:
    print("  ", s)
PY
exit $status
