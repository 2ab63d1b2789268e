"""Writes N tenant files like those a support engineer validates (issue #30): built from the
sandbox's seed tenant (read on stdin), about 4 KB each (a users' notes array pads them), `//`
comments and non-breaking spaces as pasted from the configuration guide, and every other file
invalid in one place (an otpExpiry of the wrong type), so that each of those prints a finding. The same documents without the comments and
non-breaking spaces go to DIR/plain/, for validators that read strict JSON only.
Usage: cx2fa sandbox --print-seed | python3 benches/validate-corpus.py DIR N"""
import copy, json, os, sys

seed = json.load(sys.stdin)["tenants"][0]
out, n = sys.argv[1], int(sys.argv[2])
os.makedirs(out + "/plain", exist_ok=True)
for i in range(n):
    t = copy.deepcopy(seed)
    t["tenantId"] = t["tenantName"] = "tenant%04d" % i
    two = t["tenantSettings"]["twoFAConfigs"]
    two["otpExpiry"] = 60 + i % 60 if i % 2 == 0 else "sixty"
    t["notes"] = ["support note %d for tenant %04d: checked the 2FA settings" % (k, i) for k in range(20)]
    text = json.dumps(t, indent=2, ensure_ascii=False)
    open("%s/plain/t%04d.json" % (out, i), "w", encoding="utf-8").write(text + "\n")
    lines = text.split("\n")
    # A comment line every 10 lines, and a non-breaking space indenting every 7th line.
    body = []
    for k, line in enumerate(lines):
        if k % 10 == 5:
            body.append("  // pasted from the configuration guide")
        body.append(("\u00a0" + line) if k % 7 == 3 else line)
    open("%s/t%04d.json" % (out, i), "w", encoding="utf-8").write("\n".join(body) + "\n")
