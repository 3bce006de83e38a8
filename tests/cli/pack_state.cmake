# cmake -DENCART=... -DINPUT=... -DVIEWS=... -DOTHER=... -DWORK=... -P pack_state.cmake
# encart pack --state: a re-pack whose views alone changed reads the related lists back and writes
# the very pack a fresh `encart pack` writes (the same file names: the same content); other
# articles, or a damaged state, are ranked again, and the pack is still the fresh one.
file(REMOVE_RECURSE "${WORK}")

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

# The list of a pack's files, which names each by its content.
function(listing dir out_var)
  file(READ "${dir}/manifest.json" manifest)
  string(JSON name GET "${manifest}" files)
  file(READ "${dir}/${name}" files)
  set(${out_var} "${files}" PARENT_SCOPE)
endfunction()

set(state "${WORK}/state")
pack(said "${INPUT}" -o "${WORK}/pack" --state "${state}")
expect("${said}" "related lists [0-9.]+ s on [0-9]+ threads" "the first pack ranks")
if(NOT EXISTS "${state}")
  message(FATAL_ERROR "the first pack wrote no state")
endif()

pack(said "${INPUT}" --views "${VIEWS}" -o "${WORK}/pack" --state "${state}")
expect("${said}" "reused from ${state}" "a re-pack with new views reads the lists back")
expect("${said}" ": [1-9][0-9]* file\\(s\\) written" "new views change files")
pack(fresh "${INPUT}" --views "${VIEWS}" -o "${WORK}/fresh")
listing("${WORK}/pack" reused)
listing("${WORK}/fresh" ranked)
if(NOT reused STREQUAL ranked)
  message(FATAL_ERROR "the pack made with the state differs from a fresh pack")
endif()

pack(said "${OTHER}" -o "${WORK}/other" --state "${state}")
expect("${said}" "made from other articles or settings; the related lists are ranked again" "other articles")
expect("${said}" "related lists [0-9.]+ s on [0-9]+ threads" "other articles are ranked")

# The state now holds OTHER's lists: damaged (a byte more at its end), it is refused, and the
# pack is still right.
file(APPEND "${state}" "x")
pack(said "${OTHER}" -o "${WORK}/other2" --state "${state}")
expect("${said}" "damaged \\(its checksum does not match\\); the related lists are ranked again" "a damaged state")
listing("${WORK}/other" first)
listing("${WORK}/other2" second)
if(NOT first STREQUAL second)
  message(FATAL_ERROR "the pack made past a damaged state differs")
endif()
message(STATUS "encart pack --state: reused for new views, refused for other articles and a damaged file")
