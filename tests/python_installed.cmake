# An installed binding finds its library without an environment variable:
# the library installed with `cmake --install` and the binding with
# `pip install --prefix` under one prefix; Python imports it with only the
# binding's folder on its path and HEALTHACT_LIBRARY unset.
set(prefix ${WORK}/python-prefix)
file(REMOVE_RECURSE ${prefix})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD} --prefix ${prefix}
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed")
endif()
execute_process(COMMAND ${PYTHON} -m pip install --no-index --no-cache-dir --no-build-isolation
                        --prefix ${prefix} ${SOURCE}/bindings/python
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pip install --prefix failed:\n${out}\n${err}")
endif()
file(GLOB init ${prefix}/lib*/python*/site-packages/healthact/__init__.py
              ${prefix}/lib*/python*/dist-packages/healthact/__init__.py)
list(LENGTH init found)
if(NOT found EQUAL 1)
  message(FATAL_ERROR "the binding is not under ${prefix}/lib*/python*: ${init}")
endif()
get_filename_component(package ${init} DIRECTORY)
get_filename_component(site ${package} DIRECTORY)
execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=HEALTHACT_LIBRARY --unset=LD_LIBRARY_PATH
                        PYTHONPATH=${site}
                        ${PYTHON} -c "import healthact; print(healthact._lib._name)"
                OUTPUT_VARIABLE loaded ERROR_VARIABLE err RESULT_VARIABLE rc
                WORKING_DIRECTORY ${WORK})
string(FIND "${loaded}" "${prefix}/lib" at)
if(NOT rc EQUAL 0 OR at EQUAL -1)
  message(FATAL_ERROR "the installed binding did not load the library installed beside it: ${loaded}${err}")
endif()
