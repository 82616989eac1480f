# step(CODE REGEX ARGS…): runs `healthact round ARGS… --store ${store}` and
# fails unless it exits CODE and its output matches REGEX.  For the round's
# command-line tests (round_cli.cmake, round_end_to_end.cmake).
# The steps' messages are checked in English (LANGUAGE=en; Chinese is the default).
function(step expected_code expected_text)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env LANGUAGE=en ${HEALTHACT} round ${ARGN} --store ${store}
                  RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL expected_code OR NOT "${out}${err}" MATCHES "${expected_text}")
    message(FATAL_ERROR "round ${ARGN}: exit ${code}, expected ${expected_code} and '${expected_text}':\n${out}${err}")
  endif()
endfunction()
