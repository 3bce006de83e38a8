# Helpers of the encart pack scripts (pack_state.cmake, pack_update.cmake), which set ENCART.

# Packs with ARGN; `out_var` receives what the command said on standard error.
function(pack out_var)
  execute_process(COMMAND "${ENCART}" pack ${ARGN} RESULT_VARIABLE status ERROR_VARIABLE said)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "encart pack ${ARGN} exited with ${status}: ${said}")
  endif()
  set(${out_var} "${said}" PARENT_SCOPE)
endfunction()

function(expect said pattern what)
  if(NOT said MATCHES "${pattern}")
    message(FATAL_ERROR "${what}: expected /${pattern}/ in: ${said}")
  endif()
endfunction()
