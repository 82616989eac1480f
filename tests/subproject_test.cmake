# Configures tests/subproject (add_subdirectory of this source tree), builds
# its consumer and runs it.
file(REMOVE_RECURSE ${WORK}/subproject)
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE}/tests/subproject -B ${WORK}/subproject -G Ninja
                        -DHEALTHACT_SOURCE=${SOURCE} -DCMAKE_BUILD_TYPE=Release
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "add_subdirectory(healthact) did not configure")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK}/subproject --target subproject_consumer
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the consumer did not build")
endif()
execute_process(COMMAND ${WORK}/subproject/subproject_consumer OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT out STREQUAL "met\n")
  message(FATAL_ERROR "the consumer ran wrong: ${rc} ${out}")
endif()
