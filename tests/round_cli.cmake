# healthact round from the command line, step by step: each step allowed or
# refused (exit 1, saying why and who may) as the documents have it.  One
# county, so that the round can be approved after one acceptance.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
file(STRINGS ${EXAMPLES}/zhangye-counties-2020-2022.csv rows ENCODING UTF-8 REGEX "^甘州区,[0-9.]+,2022,")
list(JOIN rows "\n" body)
file(WRITE ${WORK}/甘州区.csv "unit,indicator,year,value\n${body}\n")
file(WRITE ${WORK}/units.csv "unit,parent,level\n张掖市,,市\n甘州区,张掖市,县区\n")
set(store ${WORK}/round.db)

include(${CMAKE_CURRENT_LIST_DIR}/round_steps.cmake)

set(new new --framework ${EXAMPLES}/zhangye.ha --year 2022 --org ${EXAMPLES}/zhangye.org.ha
        --units ${WORK}/units.csv --level 县区)
step(0 "event 1: round opened, 2022, units: 1" ${new} --by 魏士博 --at 2023-01-02T09:00:00)
step(1 "exists" ${new} --at 2023-01-02T09:00:00)
# A file without the unit's figures is not a submission.
file(WRITE ${WORK}/empty.csv "unit,indicator,year,value\n")
step(1 "has no figures of '甘州区'" submit --unit 甘州区 --by 统计员 --at 2023-01-10T09:00:00 ${WORK}/empty.csv)
step(0 "event 2: submitted" submit --unit 甘州区 --by 统计员 --at 2023-01-10T10:00:00 ${WORK}/甘州区.csv)
# A county's director of education is not the office.
step(1 "accepting a submission is the office's .*not for '殷大斌'" accept --unit 甘州区 --by 殷大斌
     --at 2023-01-11T09:00:00)
step(1 "a return says why" return --unit 甘州区 --by 宋生礼 --at 2023-01-11T09:00:00)
step(0 "event 3: returned" return --unit 甘州区 --by 宋生礼 --reason "指标23 待核" --at 2023-01-11T09:00:00)
step(0 "event 4: submitted" submit --unit 甘州区 --by 统计员 --at 2023-01-12T10:00:00 ${WORK}/甘州区.csv)
step(0 "event 5: accepted" accept --unit 甘州区 --by 魏士博 --at 2023-01-13T09:00:00)
# The office's director may not approve; the committee's director may.
step(1 "approval \\(审定\\) is for the committee's director \\(市政府副市长（马斌）\\)" approve --by 魏士博
     --at 2023-01-14T09:00:00)
step(0 "event 6: approved" approve --by 马斌 --at 2023-01-14T10:00:00)
step(1 "the round is approved" submit --unit 甘州区 --by 统计员 --at 2023-01-15T10:00:00 ${WORK}/甘州区.csv)
step(0 "event 7: published" publish --by 魏士博 --at 2023-01-16T10:00:00)
step(0 "state: published" status)
# As it stood before the approval: collecting, 甘州区's second submission accepted.
step(0 "state: collecting.*甘州区\taccepted\tsubmission 2" status --as-of 2023-01-13T12:00:00)
step(0 "3\t2023-01-11T09:00:00\treturned\t甘州区\tsubmission 1\t宋生礼\t指标23 待核" history)
# The same in Chinese: the round's listings in the reader's language.
step(0 "状态：已通报（马斌 审定于 2023-01-14T10:00:00）\n甘州区\t已受理\t第 2 次提交" status --lang zh)
step(0 "3\t2023-01-11T09:00:00\t退回\t甘州区\t第 1 次提交\t宋生礼\t指标23 待核" history --lang zh)
step(0 "\"kind\": \"official\".*\"approved_by\": \"马斌\".*\"units\": \\[" export)

# A trial (试考核) of 2020, which the Zhangye framework has no target for: it
# says so and how; a trial against 2022's targets is allowed, and marked in
# every row of its result.  甘州区 2020: 人均预期寿命 75.9 ≥ 74.6, met.
set(store ${WORK}/trial.db)
file(STRINGS ${EXAMPLES}/zhangye-counties-2020-2022.csv rows ENCODING UTF-8 REGEX "^甘州区,[0-9.]+,2020,")
list(JOIN rows "\n" body)
file(WRITE ${WORK}/甘州区-2020.csv "unit,indicator,year,value\n${body}\n")
set(new new --framework ${EXAMPLES}/zhangye.ha --year 2020 --org ${EXAMPLES}/zhangye.org.ha
        --units ${WORK}/units.csv --level 县区 --by 魏士博 --at 2021-01-02T09:00:00)
step(1 "no target for 2020; a trial \\(试考核\\) may judge it against 2022.s" ${new})
step(2 "next targets the framework has \\(2022\\), not 2021" ${new} --trial --targets-of 2021)
step(0 "2020 \\(trial\\)" ${new} --trial --targets-of 2022)
step(0 "submitted" submit --unit 甘州区 --by 统计员 --at 2021-01-03T09:00:00 ${WORK}/甘州区-2020.csv)
step(1 "collecting: its result is given once the committee's director has approved it" export)
step(0 "accepted" accept --unit 甘州区 --by 魏士博 --at 2021-01-04T09:00:00)
step(0 "approved" approve --by 马斌 --at 2021-01-05T09:00:00)
step(0 "round_kind,unit,rank,score,grade,indicator.*试考核,甘州区,1,[0-9.]+,[^,]+,1,met,75.9,74.6," export --format csv)
step(0 "\"kind\": \"trial\", \"kind_name\": \"试考核\", \"targets_of\": 2022" export)
