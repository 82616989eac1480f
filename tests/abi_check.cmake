# The shared library's ABI against the committed baseline (capi/abi/):
# removed or changed functions and variables fail; additions pass (with a
# reminder to regenerate the baseline, see docs/c-api.md).
execute_process(COMMAND ${ABIDIFF} --exported-interfaces-only --drop-private-types
                        --header-file2 ${SOURCE}/capi/healthact.h ${SOURCE}/capi/abi/libhealthact.so.1.abi ${LIBRARY}
                OUTPUT_VARIABLE report ERROR_VARIABLE errors RESULT_VARIABLE rc)
math(EXPR failed_to_run "${rc} & 3")
if(NOT failed_to_run EQUAL 0)
  message(FATAL_ERROR "abidiff could not compare (status ${rc}):\n${errors}")
endif()
math(EXPR incompatible "${rc} & 8")
string(REGEX MATCHALL "([0-9]+) Removed, ([0-9]+) Changed" summaries "${report}")
set(broken OFF)
foreach(summary IN LISTS summaries)
  if(NOT summary MATCHES "^0 Removed, 0 Changed$")
    set(broken ON)
  endif()
endforeach()
if(NOT incompatible EQUAL 0 OR broken)
  message(FATAL_ERROR "the C ABI changed incompatibly:\n${report}")
endif()
if(NOT rc EQUAL 0)
  message(STATUS "C ABI additions only; regenerate capi/abi/ when releasing:\n${report}")
endif()
