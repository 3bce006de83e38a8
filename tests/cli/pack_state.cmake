# cmake -DENCART=... -DINPUT=... -DOTHER=... -DWORK=... -P pack_state.cmake
# encart pack --state: a re-pack whose views alone changed reads the related lists back and writes
# the very pack a fresh `encart pack` writes (the same file names: the same content); other
# articles, other related settings or a damaged state are ranked again, and the pack is still the
# fresh one. INPUT is a bundle of a hundred articles or so, with long related lists.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")

# New views for INPUT's first 20 articles, and INPUT with other related settings.
file(READ "${INPUT}" input)
set(views "{}")
foreach(i RANGE 19)
  string(JSON id GET "${input}" articles ${i} id)
  math(EXPR count "(${i} * 7919) % 5000 + 1")
  string(JSON views SET "${views}" "${id}" "${count}")
endforeach()
set(VIEWS "${WORK}/views.json")
file(WRITE "${VIEWS}" "${views}")
string(JSON settings SET "${input}" related "{\"min_score\": 0.2}")
file(WRITE "${WORK}/settings.json" "${settings}")

include("${CMAKE_CURRENT_LIST_DIR}/pack_helpers.cmake")

# The list of a pack's files, which names each by its content.
function(listing dir out_var)
  file(READ "${dir}/manifest.json" manifest)
  string(JSON name GET "${manifest}" files)
  file(READ "${dir}/${name}" files)
  set(${out_var} "${files}" PARENT_SCOPE)
endfunction()

set(state "${WORK}/var/state")  # var/ does not exist yet: the first pack makes it
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

# Other related settings, then other articles (OTHER last: the state then holds its lists).
foreach(input "${WORK}/settings.json" "${OTHER}")
  get_filename_component(name "${input}" NAME_WE)
  pack(said "${input}" -o "${WORK}/other-${name}" --state "${state}")
  expect("${said}" "made from other articles, settings or another encart build; the related lists are ranked again"
         "${input}")
  expect("${said}" "related lists [0-9.]+ s on [0-9]+ threads" "${input} is ranked")
endforeach()
get_filename_component(name "${OTHER}" NAME_WE)
set(other_pack "${WORK}/other-${name}")

# The state now holds OTHER's lists: damaged (a byte more at its end), it is refused, and the
# pack is still right.
file(APPEND "${state}" "x")
pack(said "${OTHER}" -o "${WORK}/other2" --state "${state}")
expect("${said}" "damaged \\(its checksum does not match\\); the related lists are ranked again" "a damaged state")
listing("${other_pack}" first)
listing("${WORK}/other2" second)
if(NOT first STREQUAL second)
  message(FATAL_ERROR "the pack made past a damaged state differs")
endif()
# A state inside the pack folder would be deployed, with the text of every article: refused.
execute_process(COMMAND "${ENCART}" pack "${OTHER}" -o "${other_pack}" --state "${other_pack}/state"
                RESULT_VARIABLE status ERROR_VARIABLE said)
expect("${status}${said}" "^1.*inside the pack folder.*keep it outside" "a state inside the pack folder")
if(EXISTS "${other_pack}/state")
  message(FATAL_ERROR "a state inside the pack folder was written")
endif()
message(STATUS "encart pack --state: reused for new views, refused for other articles and a damaged file")
