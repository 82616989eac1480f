#!/usr/bin/env bash
# Renders the HTML reports of the bundled example in headless Chromium and
# checks, in the rendered page, the report's text and that every SVG chart
# was laid out with a real size (a chart the browser cannot draw has none).
# usage: html_report_in_chromium.sh HEALTHACT_CLI EXAMPLES_DIR WORK_DIR
set -euo pipefail
cli=$1 examples=$2 work=$3
chromium=$(command -v chromium || true)
if [ -z "$chromium" ]; then echo "chromium is not installed (tools/install-deps.sh installs it)"; exit 1; fi
mkdir -p "$work"
common=("$examples/zhangye.ha" "$examples/zhangye-counties-2020-2022.csv"
        --units "$examples/zhangye-units.csv" --level 县区 --format html)
"$cli" report assessment "${common[@]}" --year 2022 --verified "$examples/zhangye-review-2022.csv" \
  --output "$work/assessment.html"
"$cli" report monitoring "${common[@]}" --org "$examples/zhangye.org.ha" --as-of 2022-12-31 \
  --output "$work/monitoring.html" 2>/dev/null
"$cli" report actions "${common[@]}" --year 2022 --org "$examples/zhangye.org.ha" \
  --output "$work/actions.html" 2>/dev/null
"$cli" report overall "${common[@]}" --year 2022 --org "$examples/zhangye.org.ha" \
  --output "$work/overall.html" 2>/dev/null

# The check runs in the page: a copy of the report with a script appended
# (the report itself has no script).
probe='<script>
window.addEventListener("load", () => {
  const charts = [...document.querySelectorAll("svg")];
  const drawn = charts.filter(s => { const b = s.getBBox(); return b.width > 50 && b.height > 20; });
  const marks = document.querySelectorAll("svg rect, svg polyline, svg line.target").length;
  const out = document.createElement("pre");
  out.id = "probe";
  out.textContent = `charts=${charts.length} drawn=${drawn.length} marks=${marks}`;
  document.body.appendChild(out);
});
</script>'
render() {
  { sed '/^<\/body>$/,$d' "$work/$1.html"; printf '%s\n</body>\n</html>\n' "$probe"; } \
    > "$work/$1.probe.html"
  "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --virtual-time-budget=3000 \
    --dump-dom "file://$work/$1.probe.html" 2>/dev/null
}
fail() { echo "FAIL: $*"; exit 1; }

dom=$(render assessment)
grep -q '健康张掖行动考核指标框架 2022年度考核报告' <<<"$dom" || fail "assessment title"
grep -q '高台县' <<<"$dom" || fail "unit names"
grep -q '抽查复核' <<<"$dom" || fail "review section"
probe_line=$(grep -o 'charts=[0-9]* drawn=[0-9]* marks=[0-9]*' <<<"$dom") || fail "probe did not run"
echo "assessment: $probe_line"
[ "$probe_line" = "charts=2 drawn=2 marks=162" ] || fail "assessment charts: $probe_line"

dom=$(render monitoring)
grep -q '监测评估报告' <<<"$dom" || fail "monitoring title"
grep -q '建立学生体质健康监测数据报送机制' <<<"$dom" || fail "overdue task"
probe_line=$(grep -o 'charts=[0-9]* drawn=[0-9]* marks=[0-9]*' <<<"$dom") || fail "probe did not run"
echo "monitoring: $probe_line"
charts=${probe_line#charts=}; charts=${charts%% *}
drawn=${probe_line#*drawn=}; drawn=${drawn%% *}
[ "$charts" -ge 20 ] && [ "$charts" = "$drawn" ] || fail "monitoring charts: $probe_line"

# The working groups' report: one verdict grid per section with indicators
# (the overall goals and the 9 actions the 26 indicators are placed in), one
# square per indicator for the city and each of the 6 counties: 7 × 26 = 182.
dom=$(render actions)
grep -q '年度专项行动实施进展专题报告' <<<"$dom" || fail "actions title"
grep -q '建立学生体质健康监测数据报送机制' <<<"$dom" || fail "the education bureau's task"
probe_line=$(grep -o 'charts=[0-9]* drawn=[0-9]* marks=[0-9]*' <<<"$dom") || fail "probe did not run"
echo "actions: $probe_line"
[ "$probe_line" = "charts=10 drawn=10 marks=182" ] || fail "actions charts: $probe_line"

# The overall report holds both: 2 + 10 charts, 162 + 182 marks.
dom=$(render overall)
grep -q '年度总体监测评估报告' <<<"$dom" || fail "overall title"
grep -q '各类指标' <<<"$dom" || fail "category summary"
probe_line=$(grep -o 'charts=[0-9]* drawn=[0-9]* marks=[0-9]*' <<<"$dom") || fail "probe did not run"
echo "overall: $probe_line"
[ "$probe_line" = "charts=12 drawn=12 marks=344" ] || fail "overall charts: $probe_line"
echo "ok"
