# A whole round for the six Zhangye counties from the command line: six
# submissions, a return and a resubmission, a spot-check that changes a
# verdict, an approval refused to the office's director and accepted from the
# committee's director, publication, a submission refused after it, and the
# state rebuilt as it stood before the spot-check.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(store ${WORK}/round.db)
set(counties 甘州区 临泽县 高台县 山丹县 民乐县 肃南裕固族自治县)
foreach(county IN LISTS counties)
  file(STRINGS ${EXAMPLES}/zhangye-counties-2020-2022.csv rows ENCODING UTF-8 REGEX "^${county},[0-9.]+,2022,")
  list(JOIN rows "\n" body)
  file(WRITE ${WORK}/${county}.csv "unit,indicator,year,value\n${body}\n")
endforeach()

include(${CMAKE_CURRENT_LIST_DIR}/round_steps.cmake)

step(0 "units: 6" new --framework ${EXAMPLES}/zhangye.ha --year 2022 --org ${EXAMPLES}/zhangye.org.ha
     --units ${EXAMPLES}/zhangye-units.csv --level 县区 --deadline 2023-01-15T18:00:00
     --group "宋生礼、曹俊" --by 魏士博 --at 2023-01-02T09:00:00)
set(n 1)
foreach(county IN LISTS counties)
  math(EXPR n "${n} + 1")
  step(0 "event ${n}: submitted" submit --unit ${county} --by 统计员 --at 2023-01-10T10:00:00 ${WORK}/${county}.csv)
endforeach()
step(0 "event 8: returned" return --unit 山丹县 --by 宋生礼 --reason "指标9 与年报不符" --at 2023-01-11T09:00:00)
step(0 "山丹县\treturned\tsubmission 1.*returned: 指标9 与年报不符" status)
step(0 "event 9: submitted" submit --unit 山丹县 --by 统计员 --at 2023-01-12T09:00:00 ${WORK}/山丹县.csv)
set(n 9)
foreach(county IN LISTS counties)
  math(EXPR n "${n} + 1")
  step(0 "event ${n}: accepted" accept --unit ${county} --by 魏士博 --at 2023-01-13T09:00:00)
endforeach()
# A spot-check that changes a value without saying why is not kept, nor one
# whose group names a stranger; the next event is still the 16th.
file(WRITE ${WORK}/unexplained.csv "unit,indicator,year,value\n甘州区,23,2022,73.9\n")
step(1 "unexplained.csv:2: 甘州区 23 2022: the verified value 73.9 differs from the reported 76.8" review
     --by 宋生礼 --verified ${WORK}/unexplained.csv --at 2023-01-14T08:00:00)
step(1 "member '宋生里' is neither a post of the organisation nor a person" review --by 宋生礼
     --verified ${EXAMPLES}/zhangye-review-2022.csv --group "宋生里、曹俊" --at 2023-01-14T08:30:00)
# The spot-check: 甘州区's 高血压患者规范管理率 was 76.8 (≥75, met); verified 73.9, not met.
step(0 "event 16: spot-checked.*甘州区  indicator 23  reported 76.8  verified 73.9  met → not_met" review --by 宋生礼
     --verified ${EXAMPLES}/zhangye-review-2022.csv --group "宋生礼、曹俊" --at 2023-01-14T09:00:00)
step(1 "approval \\(审定\\) is for the committee's director \\(市政府副市长（马斌）\\), not for '魏士博'"
     approve --by 魏士博 --at 2023-01-15T09:00:00)
step(0 "event 17: approved" approve --by 马斌 --at 2023-01-15T10:00:00)
step(0 "event 18: published" publish --by 魏士博 --at 2023-01-16T09:00:00)
step(1 "the round is published" submit --unit 甘州区 --by 统计员 --at 2023-01-17T09:00:00 ${WORK}/甘州区.csv)
# The office's overall report: formed by the office, agreed by the
# committee's director (not the office's), reported up and circulated by the
# office, published as the director decides; each step once.
file(WRITE ${WORK}/report.md "# 健康张掖行动 2022 年度监测评估报告\n")
step(1 "has not formed the report" report agree --by 马斌 --at 2023-01-18T09:00:00)
step(0 "event 19: overall report formed" report form --by 魏士博 --at 2023-01-18T10:00:00 ${WORK}/report.md)
step(1 "not agreed to the report" report send-up --by 魏士博 --at 2023-01-18T11:00:00)
step(1 "is for the committee's director \\(市政府副市长（马斌）\\), not for '魏士博'" report agree --by 魏士博
     --at 2023-01-19T09:00:00)
step(0 "event 20: overall report agreed" report agree --by 马斌 --at 2023-01-19T10:00:00)
step(1 "was done already, by 马斌 on 2023-01-19T10:00:00" report agree --by 马斌 --at 2023-01-19T11:00:00)
step(1 "the committee has agreed to the report" report form --by 魏士博 --at 2023-01-19T11:00:00 ${WORK}/report.md)
step(0 "event 21: overall report sent up" report send-up --by 魏士博 --at 2023-01-20T09:00:00)
step(0 "event 22: overall report circulated" report circulate --by 宋生礼 --at 2023-01-20T10:00:00)
step(1 "is for the committee's director" report release --by 魏士博 --at 2023-01-21T09:00:00)
step(0 "event 23: overall report released" report release --by 马斌 --at 2023-01-21T10:00:00)
step(0 "overall report: formed \\(魏士博 2023-01-18T10:00:00\\); agreed \\(马斌 2023-01-19T10:00:00\\); sent up \\(魏士博 2023-01-20T09:00:00\\); published \\(宋生礼 2023-01-20T10:00:00\\); released \\(马斌 2023-01-21T10:00:00\\)" status)
step(0 "overall report: formed \\(魏士博 2023-01-18T10:00:00\\); agreed \\(马斌 2023-01-19T10:00:00\\)
" status --as-of 2023-01-19T23:00:00)
# The same in Chinese.
step(0 "综合报告：已形成（魏士博 2023-01-18T10:00:00）；已同意（马斌 2023-01-19T10:00:00）；已上报（魏士博 2023-01-20T09:00:00）；已通报（宋生礼 2023-01-20T10:00:00）；已发布（马斌 2023-01-21T10:00:00）" status --lang zh)
step(0 "\"overall_report\": \\{\"sha256\": \"[0-9a-f]+\", \"steps\": \\[\\{\"action\": \"form\", \"name\": \"形成\", \"by\": \"魏士博\"" export)
# Before the spot-check: every county accepted, still collecting.
step(0 "state: collecting\n甘州区\taccepted.*山丹县\taccepted\tsubmission 2" status --as-of 2023-01-13T23:59:59)
step(0 "state: spot-checked" status --as-of 2023-01-14T12:00:00)
step(0 "state: published \\(approved by 马斌 on 2023-01-15T10:00:00\\)" status)
# The exported result is the one after the spot-check: 甘州区's 23 not met.
step(0 "\"review\": \\{\"by\": \"宋生礼\".*\"group\": \\[\"宋生礼\", \"曹俊\"\\].*\"key\": \"23\", \"reported\": \"76.8\", \"verified\": \"73.9\", \"before\": \"met\", \"after\": \"not_met\", \"reviewer\": \"宋生礼\", \"reason\": \"随访记录抽查" export)
step(0 "正式考核,甘州区,[0-9]+,[0-9.]+,[^,]+,23,not_met,73.9," export --format csv)
# The workbook: the round's record first, then the assessment's sheets.
step(0 "" export --format xlsx --output ${WORK}/result.xlsx)
file(READ ${WORK}/result.xlsx magic LIMIT 2 HEX)
if(NOT magic STREQUAL "504b")  # PK: a zip, as every .xlsx is
  message(FATAL_ERROR "round export --format xlsx wrote no workbook")
endif()
file(ARCHIVE_EXTRACT INPUT ${WORK}/result.xlsx DESTINATION ${WORK}/xlsx)
file(READ ${WORK}/xlsx/xl/workbook.xml workbook)
if(NOT workbook MATCHES "name=\"考核轮次\".*name=\"排名\"")
  message(FATAL_ERROR "the workbook's sheets: ${workbook}")
endif()
# The history as JSON lines, for software that keeps the events itself.
step(0 "\n\\{\"seq\": 8, \"at\": \"2023-01-11T09:00:00\", \"event\": \"return\", \"unit\": \"山丹县\", \"revision\": 1, \"by\": \"宋生礼\", \"reason\": \"指标9 与年报不符\", \"name\": \"退回\"\\}\n" history --format jsonl)
# The history kept elsewhere comes back: the JSON lines imported into a new
# store give the same history, line for line, and the same state.
execute_process(COMMAND ${CMAKE_COMMAND} -E env LANGUAGE=en ${HEALTHACT} round history --format jsonl --store ${store} OUTPUT_FILE ${WORK}/history.jsonl
                RESULT_VARIABLE code)
file(READ ${WORK}/history.jsonl history)
set(original ${store})
set(store ${WORK}/imported.round)
step(0 "events imported" import --framework ${EXAMPLES}/zhangye.ha --org ${EXAMPLES}/zhangye.org.ha ${WORK}/history.jsonl)
execute_process(COMMAND ${CMAKE_COMMAND} -E env LANGUAGE=en ${HEALTHACT} round history --format jsonl --store ${store} OUTPUT_VARIABLE again)
if(NOT again STREQUAL history)
  message(FATAL_ERROR "the imported history differs from the exported one")
endif()
step(0 "state: published \\(approved by 马斌 on 2023-01-15T10:00:00\\)" status)
# What is not that history is refused, and no store is made: another
# framework, a line that is not JSON, a gap, figures that do not match their
# hash (the replay names the event).
set(store ${WORK}/refused.round)
step(1 "the history's round assesses the framework with SHA-256" import --framework ${EXAMPLES}/liuzhou.ha
     --org ${EXAMPLES}/zhangye.org.ha ${WORK}/history.jsonl)
string(REPLACE "\"seq\": 3," "\"seq\": 3 " broken "${history}")
file(WRITE ${WORK}/broken.jsonl "${broken}")
step(1 "broken.jsonl:3: not a line of JSON" import --framework ${EXAMPLES}/zhangye.ha --org ${EXAMPLES}/zhangye.org.ha
     ${WORK}/broken.jsonl)
string(REPLACE "\"seq\": 3," "\"seq\": 4," gap "${history}")
file(WRITE ${WORK}/gap.jsonl "${gap}")
step(1 "gap.jsonl:3: event 4 where event 3 comes" import --framework ${EXAMPLES}/zhangye.ha
     --org ${EXAMPLES}/zhangye.org.ha ${WORK}/gap.jsonl)
string(REGEX REPLACE "(\"seq\": 2,[^\n]*甘州区,23,2022,)76.8" "\\173.9" forged "${history}")
if(forged STREQUAL history)
  message(FATAL_ERROR "the test did not alter the submission")
endif()
file(WRITE ${WORK}/forged.jsonl "${forged}")
step(1 "event 2 \\(submitted.*do not match their hash" import --framework ${EXAMPLES}/zhangye.ha
     --org ${EXAMPLES}/zhangye.org.ha ${WORK}/forged.jsonl)
if(EXISTS ${WORK}/refused.round)
  message(FATAL_ERROR "a refused import left a store")
endif()
