# Installs the binding with pip, offline, into a scratch folder and imports it.
file(REMOVE_RECURSE ${WORK})
execute_process(COMMAND ${PYTHON} -m pip install --no-index --no-cache-dir --target ${WORK}
                        ${SOURCE}/bindings/python
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pip install failed:\n${out}\n${err}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E env PYTHONPATH=${WORK} HEALTHACT_LIBRARY=${LIBRARY}
                        ${PYTHON} -c "import healthact; print(healthact.library_version())"
                OUTPUT_VARIABLE version RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT version STREQUAL "0.1.0\n")
  message(FATAL_ERROR "the installed binding did not import: ${version}")
endif()
