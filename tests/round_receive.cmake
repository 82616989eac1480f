# Counties report up: 甘州区 runs its own round over two townships under its
# own framework (examples/ganzhou.ha), and sends its store file to the city's
# office, which checks it and records it.  The county's organisation is
# written here: a committee whose director is 区政府副区长 (王岚) and whose
# office is in 区卫生健康局 (李明).
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
include(${CMAKE_CURRENT_LIST_DIR}/round_steps.cmake)
file(WRITE ${WORK}/ganzhou.org.ha "组织 \"甘州区健康行动组织架构\"
辖区 甘州区 县区
职务 \"区政府副区长\" 部门 区政府
职务 \"区卫生健康局局长\" 部门 区卫生健康局
任职 王岚 \"区政府副区长\" 自 2020-01-01
任职 李明 \"区卫生健康局局长\" 自 2020-01-01
委员会 \"健康甘州行动推进委员会\" {
  辖区 甘州区
  成立 2020-01-01
  主任 \"区政府副区长\"
  办公室 区卫生健康局
  办公室主任 \"区卫生健康局局长\"
}
")
file(WRITE ${WORK}/towns.csv "unit,parent,level\n甘州区,,县区\n梁家墩镇,甘州区,乡镇\n上秦镇,甘州区,乡镇\n")
file(WRITE ${WORK}/梁家墩镇.csv "unit,indicator,year,value\n梁家墩镇,23,2022,80\n")
file(WRITE ${WORK}/上秦镇.csv "unit,indicator,year,value\n上秦镇,23,2022,70\n")

# The county's round.
set(store ${WORK}/ganzhou.round)
step(0 "units: 2" new --framework ${EXAMPLES}/ganzhou.ha --year 2022 --org ${WORK}/ganzhou.org.ha
     --units ${WORK}/towns.csv --level 乡镇 --by 李明 --at 2023-01-03T09:00:00)
foreach(town 梁家墩镇 上秦镇)
  step(0 "submitted" submit --unit ${town} --by 统计员 --at 2023-01-04T09:00:00 ${WORK}/${town}.csv)
endforeach()
foreach(town 梁家墩镇 上秦镇)
  step(0 "accepted" accept --unit ${town} --by 李明 --at 2023-01-05T09:00:00)
endforeach()

# The city's round of its six counties.
set(store ${WORK}/city.round)
step(0 "units: 6" new --framework ${EXAMPLES}/zhangye.ha --year 2022 --org ${EXAMPLES}/zhangye.org.ha
     --units ${EXAMPLES}/zhangye-units.csv --level 县区 --send-up-deadline 2023-01-06T18:00:00 --by 魏士博
     --at 2023-01-02T09:00:00)
# Not yet approved by the county's director: not received.
step(1 "甘州区's round is collecting: a round is sent up once approved" receive --by 魏士博
     --at 2023-01-06T09:00:00 ${WORK}/ganzhou.round)
set(store ${WORK}/ganzhou.round)
step(0 "event 6: approved" approve --by 王岚 --at 2023-01-06T10:00:00)
set(store ${WORK}/city.round)
file(SHA256 ${WORK}/ganzhou.round sent)
# Received by the city's office, not by the committee's director; from 甘州区 only.
step(1 "receiving a unit's round is the office's" receive --by 马斌 --at 2023-01-07T09:00:00
     ${WORK}/ganzhou.round)
step(1 "is the round of 甘州区, not of 临泽县" receive --by 魏士博 --unit 临泽县 --at 2023-01-07T09:00:00
     ${WORK}/ganzhou.round)
step(0 "event 2: a lower unit's round received" receive --by 魏士博 --at 2023-01-07T09:00:00 ${WORK}/ganzhou.round)
file(SHA256 ${WORK}/ganzhou.round after)
if(NOT sent STREQUAL after)
  message(FATAL_ERROR "receiving a county's round changed its file")
endif()
# The list: 甘州区's round with the file's hash, late (the deadline was the
# 6th at 18:00), the other five not yet.
step(0 "甘州区\treceived 2023-01-07T09:00:00\t甘州区健康行动考核指标框架, assessment of 2022\tapproved \\(王岚\\)\tSHA-256 ${sent}\tlate\n肃南裕固族自治县\tnot sent up\n"
     received)
# The record keeps the county's result as the city computed it: 梁家墩镇's
# 80 meets the target ≥75 of indicator 23, 上秦镇's 70 does not.
step(0 "\"event\": \"receive\", \"unit\": \"甘州区\".*梁家墩镇,[0-9]+,[0-9.]+,[^,]+,23,met,80,.*上秦镇,[0-9]+,[0-9.]+,[^,]+,23,not_met,70,"
     history --format jsonl)
# What is not a round's store is refused, and nothing is recorded.
file(WRITE ${WORK}/not-a-round.round "unit,indicator,year,value\n")
step(1 "not-a-round.round" receive --by 魏士博 --at 2023-01-08T09:00:00 ${WORK}/not-a-round.round)
step(0 "\n2\t2023-01-07T09:00:00\ta lower unit's round received\t甘州区\t魏士博\n$" history)
