# The C client and the command line print the same ranking of the bundled
# Zhangye example.
execute_process(COMMAND ${CLIENT} ${EXAMPLES}/zhangye.ha ${EXAMPLES}/zhangye-counties-2020-2022.csv
                        ${EXAMPLES}/zhangye-units.csv 2022 县区
                OUTPUT_VARIABLE from_c RESULT_VARIABLE rc_c)
execute_process(COMMAND ${CLI} assess ${EXAMPLES}/zhangye.ha ${EXAMPLES}/zhangye-counties-2020-2022.csv
                        --year 2022 --units ${EXAMPLES}/zhangye-units.csv --level 县区 --format ranking
                OUTPUT_VARIABLE from_cli RESULT_VARIABLE rc_cli)
if(NOT rc_c EQUAL 0 OR NOT rc_cli EQUAL 0)
  message(FATAL_ERROR "a program failed: C client ${rc_c}, CLI ${rc_cli}")
endif()
if(NOT from_c STREQUAL from_cli)
  message(FATAL_ERROR "outputs differ:\n--- C client\n${from_c}--- CLI\n${from_cli}")
endif()
string(FIND "${from_c}" "1\t高台县\t69.23\t合格" found)
if(found EQUAL -1)
  message(FATAL_ERROR "unexpected ranking:\n${from_c}")
endif()
