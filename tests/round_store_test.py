"""The round's store under crashes, concurrency and damage.

Run by ctest with the tool, the examples folder and a scratch folder:
  round_store_test.py HEALTHACT EXAMPLES WORKDIR

1. Submissions are killed (SIGKILL) at random moments, many times.  After
   each kill the store must open, every submission the tool acknowledged
   ("第 N 项：提交") must be event N with its unit, and no half-written
   revision may exist (every row checks against its hash, and the history
   replays under the rules).
2. Two processes submitting at once: both land, one after the other.
3. A truncated or corrupt store is refused with an error (exit 1), never
   read as a result.
"""
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time

# The messages below are checked in English (Chinese is the default).
os.environ["LANGUAGE"] = "en"

HEALTHACT, EXAMPLES, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
COUNTIES = ["甘州区", "肃南裕固族自治县", "民乐县", "临泽县", "高台县", "山丹县"]
AT = "2023-01-10T10:00:00"
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def run(*args):
    return subprocess.run([HEALTHACT, "round", *args], capture_output=True, text=True)


def history(store):
    """(exit code, [(seq, kind, unit)], stderr) of `round history`."""
    result = run("history", "--store", store)
    rows = []
    for line in result.stdout.splitlines()[1:]:
        fields = line.split("\t")
        rows.append((int(fields[0]), fields[2], fields[3] if len(fields) > 4 else ""))
    return result.returncode, rows, result.stderr


shutil.rmtree(WORK, ignore_errors=True)
os.makedirs(WORK)
figures = {}
with open(os.path.join(EXAMPLES, "zhangye-counties-2020-2022.csv"), encoding="utf-8") as data:
    lines = data.read().splitlines()
for county in COUNTIES:
    path = os.path.join(WORK, county + ".csv")
    with open(path, "w", encoding="utf-8") as out:
        out.write("unit,indicator,year,value\n")
        out.writelines(l + "\n" for l in lines if l.startswith(county + ",") and ",2022," in l)
    figures[county] = path

store = os.path.join(WORK, "round.db")
created = run("new", "--store", store, "--framework", os.path.join(EXAMPLES, "zhangye.ha"),
              "--year", "2022", "--org", os.path.join(EXAMPLES, "zhangye.org.ha"),
              "--units", os.path.join(EXAMPLES, "zhangye-units.csv"), "--level", "县区",
              "--by", "魏士博", "--at", "2023-01-02T09:00:00")
check(created.returncode == 0, "round new: " + created.stderr)
check(not os.path.exists(store + ".partial"), "no partial store is left behind")

# 1. Kill submissions at random moments.
random.seed(20230110)
acknowledged = {}  # seq -> unit
kills = 0
for attempt in range(80):
    county = random.choice(COUNTIES)
    process = subprocess.Popen([HEALTHACT, "round", "submit", "--store", store, "--unit", county,
                                "--by", "统计员", "--at", AT, figures[county]],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(random.uniform(0, 0.03))
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
        kills += 1
    out, _ = process.communicate()
    match = re.search(r"第 (\d+) 项：提交", out)
    if match:
        acknowledged[int(match.group(1))] = county
    code, rows, err = history(store)
    check(code == 0, f"attempt {attempt}: the store opens after a kill ({err.strip()})")
    seen = {seq: unit for seq, kind, unit in rows if kind == "提交"}
    for seq, unit in acknowledged.items():
        check(seen.get(seq) == unit, f"attempt {attempt}: acknowledged submission {seq} ({unit}) is kept")
    check([seq for seq, _, _ in rows] == list(range(1, len(rows) + 1)), "events are numbered without gaps")
print(f"{kills} of 80 submissions killed while running; {len(acknowledged)} acknowledged")
check(kills > 0, "some submissions were killed while running")

# 2. Two processes at once.
_, before, _ = history(store)
both = [subprocess.Popen([HEALTHACT, "round", "submit", "--store", store, "--unit", county, "--by",
                          "统计员", "--at", AT, figures[county]],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for county in ("甘州区", "临泽县")]
results = [p.communicate() + (p.returncode,) for p in both]
check(all(code == 0 for _, _, code in results), "both concurrent submissions succeed: " +
      " / ".join(err for _, err, _ in results))
_, after, _ = history(store)
check(len(after) == len(before) + 2, "both concurrent submissions are kept")

# 3. Damage.
truncated = os.path.join(WORK, "truncated.db")
shutil.copy(store, truncated)
with open(truncated, "r+b") as f:
    f.truncate(os.path.getsize(truncated) // 2)
result = run("status", "--store", truncated)
check(result.returncode == 1 and result.stderr.strip(), "a truncated store is refused: " + result.stdout)

corrupt = os.path.join(WORK, "corrupt.db")
shutil.copy(store, corrupt)
with open(corrupt, "r+b") as f:
    content = bytearray(f.read())
    # Alter one county's figures inside the file: its row no longer matches its hash.
    at = content.find("甘州区,1,2022".encode())
    check(at > 0, "the figures are in the file")
    content[at + len("甘州区,1,2022,")] ^= 0x01
    f.seek(0)
    f.write(content)
result = run("status", "--store", corrupt)
check(result.returncode == 1 and "hash" in result.stderr, "an altered store is refused: " + result.stderr)

not_a_round = os.path.join(WORK, "other.db")
with open(not_a_round, "w") as f:
    f.write("this is not a database\n" * 100)
result = run("status", "--store", not_a_round)
check(result.returncode == 1, "a file that is not a store is refused")

print("round store:", "FAILED" if failures else "ok")
sys.exit(1 if failures else 0)
