# The tool's command-line conventions (issue 16, point 1), each as a clerk
# would meet it: help to standard output with exit 0, the version, an unknown
# command named, --opt=value, a repeated option refused.
# cmake -DCLI=healthact -DEXAMPLES=examples -P cli_conventions.cmake
# The messages below are checked in English (LANGUAGE=en, which --lang
# overrides); the language tests at the end check both.
function(expect name expected_code stream pattern)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env LANGUAGE=en ${CLI} ${ARGN}
                  RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL expected_code)
    message(FATAL_ERROR "${name}: exit ${code}, expected ${expected_code}\nstdout: ${out}\nstderr: ${err}")
  endif()
  if(stream STREQUAL "stdout")
    set(text "${out}")
  else()
    set(text "${err}")
  endif()
  if(NOT text MATCHES "${pattern}")
    message(FATAL_ERROR "${name}: ${stream} does not match '${pattern}'\nstdout: ${out}\nstderr: ${err}")
  endif()
endfunction()

expect("--help" 0 stdout "usage: healthact COMMAND.*  assess +assess units.*exit status: 0 done, 1 the input has errors" --help)
expect("-h" 0 stdout "usage: healthact COMMAND" -h)
expect("help assess" 0 stdout "^usage: healthact assess FRAMEWORK.ha DATA.csv --year YEAR" help assess)
expect("help of no command" 2 stderr "no help on 'frobnicate': it is neither a command nor dsl, data or codes" help frobnicate)
expect("help dsl" 0 stdout "框架 \"NAME\"  \\(framework\\).*docs/dsl.md" help dsl)
expect("help data" 0 stdout "^A data file is CSV.*unit,indicator,year,value" help data)
# Every code, from the library's list: the first and the last of the errors, a warning.
expect("help codes" 0 stdout "E001  syntax\n.*E044  unknown-action\n.*W114  data-encoding-converted\n" help codes)
# The man page installed with the tool names every command of the usage.
file(READ ${EXAMPLES}/../docs/man/healthact.1 manual)
string(REPLACE "\\-" "-" manual "${manual}")  # troff's \- is a hyphen
foreach(command check fmt resolve summary assess review org import-table report round)
  if(NOT manual MATCHES "\n\\.B ${command} ")
    message(FATAL_ERROR "docs/man/healthact.1 does not describe ${command}")
  endif()
endforeach()
# Every command's --help: its own usage, on standard output, exit 0 -- check,
# fmt and summary no longer try to open a file named --help.
foreach(command check fmt resolve summary assess review org import-table report round)
  expect("${command} --help" 0 stdout "^usage: healthact ${command} " ${command} --help)
endforeach()
expect("assess -h after arguments" 0 stdout "^usage: healthact assess" assess a.ha b.csv -h)
expect("--version" 0 stdout "^healthact [0-9]+\\.[0-9]+\\.[0-9]+\n$" --version)
expect("unknown command" 2 stderr "^healthact: unknown command 'frobnicate' \\(healthact --help lists the commands\\)" frobnicate x)
expect("no command" 2 stderr "^usage: healthact COMMAND")
expect("a command without arguments" 2 stderr "^usage: healthact assess" assess)
# --year=2022 is --year 2022 (高台县 ranks first in the Zhangye example).
expect("--opt=value" 0 stdout "^1\t高台县\t69.23\t合格\n" assess ${EXAMPLES}/zhangye.ha
       ${EXAMPLES}/zhangye-counties-2020-2022.csv --year=2022 --format=ranking)
expect("a repeated option" 2 stderr "^healthact: --year is given twice" assess ${EXAMPLES}/zhangye.ha
       ${EXAMPLES}/zhangye-counties-2020-2022.csv --year 2022 --year 2021)
expect("an unknown option named" 2 stderr "^healthact: unknown option --yeer \\(this command's options: --help\\)"
       assess ${EXAMPLES}/zhangye.ha ${EXAMPLES}/zhangye-counties-2020-2022.csv --yeer 2022)
expect("a value for a switch" 2 stderr "^healthact: --aggregate takes no value" assess ${EXAMPLES}/zhangye.ha
       ${EXAMPLES}/zhangye-counties-2020-2022.csv --year 2022 --aggregate=yes)

# Silent cases that now say what happened (issue 16, point 5).
expect("org --who of no post" 1 stderr "has no post named '不存在'" org ${EXAMPLES}/zhangye.org.ha --who 不存在)
expect("org --department of none" 1 stderr "has no department named '不存在'"
       org ${EXAMPLES}/zhangye.org.ha --department 不存在)
expect("a sample larger than the units" 2 stderr "--sample 9 asks for more units than the 6 assessed"
       review ${EXAMPLES}/zhangye.ha ${EXAMPLES}/zhangye-counties-2020-2022.csv --year 2022 --sample 9 --seed 1)
expect("a sample without a seed" 2 stderr "--sample needs --seed S"
       review ${EXAMPLES}/zhangye.ha ${EXAMPLES}/zhangye-counties-2020-2022.csv --year 2022 --sample 2)
# Seed 3 draws 2 of the 6 counties, not 高台县, whose verified values are then named as unused.
expect("verified values not used" 0 stderr "the verified values of 高台县 are not used: it was not drawn"
       review ${EXAMPLES}/zhangye.ha ${EXAMPLES}/zhangye-counties-2020-2022.csv --year 2022 --sample 2 --seed 3
       --verified ${EXAMPLES}/zhangye-review-2022.csv)
expect("an option a report does not use" 2 stderr "report monitoring does not use --year \\(it reports every year"
       report monitoring ${EXAMPLES}/zhangye.ha ${EXAMPLES}/zhangye-counties-2020-2022.csv --format markdown --year 2021)
expect("a date before the committee existed" 0 stdout "on 2000-01-01 the committee did not yet exist: it was established on 2020-01-01"
       org ${EXAMPLES}/zhangye.org.ha --as-of 2000-01-01)
expect("a date before the committee existed, in Chinese" 0 stdout "（2000-01-01 推进委员会尚未成立：成立于 2020-01-01）"
       org ${EXAMPLES}/zhangye.org.ha --as-of 2000-01-01 --lang zh)
# The roster in both languages: 附件3's director of the committee on a date.
expect("the roster in English" 0 stdout "^健康张掖行动推进委员会 \\(张掖市\\), 2021-03-01\n  director  马斌  市政府副市长  \\[市政府\\]\n  deputy director  "
       org ${EXAMPLES}/zhangye.org.ha --as-of 2021-03-01)
expect("the roster in Chinese" 0 stdout "^健康张掖行动推进委员会（张掖市），2021-03-01\n  主任  马斌  市政府副市长  \\[市政府\\]\n  副主任  "
       org ${EXAMPLES}/zhangye.org.ha --as-of 2021-03-01 --lang zh)
# A workbook that cannot be written: the tool's own words, not libxlsxwriter's
# "[ERROR] workbook_close()" line (issue 16, point 6).
expect("an xlsx into no folder" 1 stderr "^healthact: cannot write /nonexistent-folder/x.xlsx: the folder /nonexistent-folder does not exist\n$"
       report assessment ${EXAMPLES}/zhangye.ha ${EXAMPLES}/zhangye-counties-2020-2022.csv --year 2022 --format xlsx
       --output /nonexistent-folder/x.xlsx)

# fmt formats, it does not flatten (issue 16, point 4): a county's framework
# stays a county's, its comments and its 继承 kept, none of the city's
# indicators added; resolve prints the resolved whole, without comments.
expect("fmt of a county framework" 0 stdout
       "^# A county adjusts the city's framework.*\n框架 \"甘州区健康行动考核指标框架\"\n继承 \"zhangye.ha\"\n.*删除 16\n"
       fmt ${EXAMPLES}/ganzhou.ha)
execute_process(COMMAND ${CLI} fmt ${EXAMPLES}/ganzhou.ha OUTPUT_VARIABLE county_laid_out)
string(FIND "${county_laid_out}" "人均预期寿命" city_indicator)
if(NOT city_indicator EQUAL -1)
  message(FATAL_ERROR "fmt of a county framework printed the city's indicator 1:\n${county_laid_out}")
endif()
expect("resolve of a county framework" 0 stdout "^框架 \"甘州区健康行动考核指标框架\"\n.*人均预期寿命" resolve ${EXAMPLES}/ganzhou.ha)
expect("fmt keeps a city's comments" 0 stdout "^# 柳州市推进健康中国行动考核指标框架\n# Transcribed by hand from 附件3"
       fmt ${EXAMPLES}/liuzhou.ha)
expect("fmt says nothing of lost comments" 0 stderr "^$" fmt ${EXAMPLES}/liuzhou.ha)

# The tool's help in both languages (issue 16, point 2): the summaries, the
# notes and the topics translated, the command lines themselves not; each
# alternative and continuation of a usage under the first, after "usage: "
# (7 columns) or "用法：" (6).
expect("--help in Chinese" 0 stdout "^用法：healthact COMMAND .*\n命令：\n.*  assess +考核各单位：结论、得分、等次、排名\n.*退出码：0 完成，1 输入有错误"
       --lang zh --help)
expect("a usage in Chinese" 0 stdout
       "^用法：healthact round new --store FILE[^\n]*\n                \\[--level LEVEL\\][^\n]*\n.*\n      healthact round submit .*TIME 写作 2023-01-05T09:30:00"
       round --help --lang zh)
expect("a usage in English" 0 stdout
       "^usage: healthact round new --store FILE[^\n]*\n                 \\[--level LEVEL\\][^\n]*\n.*\n       healthact round submit .*TIME is 2023-01-05T09:30:00"
       round --help)
expect("help dsl in Chinese" 0 stdout "^框架文件（.ha）由语句组成.*完整的语言说明及语法：docs/dsl.md" help dsl --lang zh)
expect("help data in Chinese" 0 stdout "^数据文件为 CSV.*值可以是数、实现/是" help data --lang zh)
expect("help codes in Chinese" 0 stdout "^全部诊断代码（E 为错误，W 为警告.*E001  syntax\n" help codes --lang zh)
expect("summary in Chinese" 0 stdout "  来源: 柳州市推进健康中国行动考核办法 附件3\n  26 项指标（定性 2 项，含分项 1 项，有基期值 26 项），目标 52 个，目标年份：2022 2030\n  《“健康广西2030”规划》：10 项指标\n"
       summary ${EXAMPLES}/liuzhou.ha --lang zh)
expect("summary in English" 0 stdout "  source: 柳州市推进健康中国行动考核办法 附件3\n  26 indicators \\(2 qualitative, 1 with parts, 26 with a baseline\\), 52 targets for the years 2022 2030\n.*  1 人均预期寿命 \\(岁\\)  baseline 2019: 76.8  2022: 77.8  2030: 80\n"
       summary ${EXAMPLES}/liuzhou.ha)
expect("a round step without its store" 2 stderr "^healthact: round status needs --store FILE\nusage: healthact round new" round status)
expect("round usage errors in Chinese" 2 stderr "^healthact: 未知的轮次步骤“frobnicate”\n用法：healthact round new" round frobnicate --lang zh)

# The diagnostics name the kinds of quantity, and the workbook reader and
# writer say what went wrong, in the reader's language too.
expect("a formula's kind of quantity in Chinese" 1 stderr
       "formula-gives-percent-for-permille.ha:8:3: error: 公式得出的是 比率 ×10\\^2，但指标 2 以 ‰（比率 ×10\\^3）计 \\[E017 formula-type\\]"
       check ${EXAMPLES}/../tests/conformance/formula-gives-percent-for-permille.ha --lang zh)
expect("a rule's kinds of quantity in English" 1 stderr "the rule compares years with ratio ×10\\^3; both sides must be in one unit \\[E007"
       check ${EXAMPLES}/../tests/conformance/rule-units-differ.ha)
expect("an xlsx into no folder in Chinese" 1 stderr "^healthact: 无法写入 /nonexistent-folder/x.xlsx：文件夹 /nonexistent-folder 不存在\n$"
       report assessment ${EXAMPLES}/zhangye.ha ${EXAMPLES}/zhangye-counties-2020-2022.csv --year 2022 --format xlsx
       --output /nonexistent-folder/x.xlsx --lang zh)
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/not-a-workbook.xlsx "unit,indicator,year,value\n")
expect("a workbook that is not one, in Chinese" 1 stderr "not-a-workbook.xlsx: 不是 .xlsx 文件（不是 ZIP 包）"
       assess ${EXAMPLES}/zhangye.ha ${CMAKE_CURRENT_BINARY_DIR}/not-a-workbook.xlsx --year 2022 --lang zh)
expect("a workbook that is not one, in English" 1 stderr "not-a-workbook.xlsx: not an .xlsx file \\(not a ZIP package\\)"
       assess ${EXAMPLES}/zhangye.ha ${CMAKE_CURRENT_BINARY_DIR}/not-a-workbook.xlsx --year 2022)

# The spot-check's own lines in both languages: 甘州区 reported 76.8 for
# indicator 23 (≥75, met) and was verified at 73.9 (not met).
set(REVIEW review ${EXAMPLES}/zhangye.ha ${EXAMPLES}/zhangye-counties-2020-2022.csv --year 2022
    --verified ${EXAMPLES}/zhangye-review-2022.csv)
expect("review in English" 0 stdout
       "^Discrepancies \\(2\\):\n  甘州区  indicator 23  reported 76.8  verified 73.9  met → not_met  \\(the verdict changes\\)  verified by 宋生礼  note: 随访记录抽查.*\nRecomputed with the verified values:\n"
       ${REVIEW})
expect("review in Chinese" 0 stdout
       "^复核差异（2处）:\n  甘州区  指标 23  报告 76.8  核实 73.9  met → not_met  （结论改变）  核实人 宋生礼  说明：随访记录抽查.*\n按核实值重新计算:\n"
       ${REVIEW} --lang zh)

# Messages in the reader's language (issue 16, point 2): --lang on every
# command, else the locale; reasons in English with --lang en, in Chinese
# with --lang zh or a zh_* locale; the codes and statuses the same.
set(ASSESS assess ${EXAMPLES}/zhangye.ha ${EXAMPLES}/zhangye-counties-2020-2022.csv --year 2022 --format csv)
expect("--lang en writes the reasons in English" 0 stdout ",2,not_met,6.39,≤6,6.39 > 6 \\(target ≤6\\)," ${ASSESS} --lang en)
expect("--lang=zh writes them in Chinese" 0 stdout ",2,not_met,6.39,≤6,6.39 > 6 \\(目标 ≤6\\)," ${ASSESS} --lang=zh)
expect("--lang takes zh or en" 2 stderr "unknown language 'fr' \\(zh or en\\)" ${ASSESS} --lang fr)
expect("--lang once" 2 stderr "--lang is given twice" ${ASSESS} --lang en --lang zh)
# The locale decides without --lang: LANG=en_US.UTF-8 is English, and
# LC_ALL=zh_CN.UTF-8 (read before LANG) Chinese; --lang overrides both.
execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=LANGUAGE --unset=LC_ALL --unset=LC_MESSAGES LANG=en_US.UTF-8
                        ${CLI} ${ASSESS} OUTPUT_VARIABLE english)
execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=LANGUAGE LC_ALL=zh_CN.UTF-8 LANG=en_US.UTF-8
                        ${CLI} ${ASSESS} OUTPUT_VARIABLE chinese)
execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=LANGUAGE --unset=LC_ALL LANG=en_US.UTF-8
                        ${CLI} ${ASSESS} --lang zh OUTPUT_VARIABLE overridden)
if(NOT english MATCHES "\\(target ≤6\\)" OR NOT chinese MATCHES "\\(目标 ≤6\\)" OR NOT overridden MATCHES "\\(目标 ≤6\\)")
  message(FATAL_ERROR "the locale does not choose the language:\n${english}\n${chinese}\n${overridden}")
endif()
