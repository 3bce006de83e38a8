# cmake -DENCART=... -DINPUT=... -DOTHER=... -DWORK=... -P pack_prune.cmake
# encart prune keeps, past the current pack's files, those a listing (files-*.txt) of the grace
# period names: a re-pack leaves the times of the files it keeps as they were. INPUT is packed,
# then OTHER into the same folder: INPUT's own files are old by their times, but listed by the
# first pack's listing, which is recent; once it is old too, they go. A re-pack touches none of
# the files the current manifest lists; a file no listing names, in use again, is renewed.
file(REMOVE_RECURSE "${WORK}")
include("${CMAKE_CURRENT_LIST_DIR}/pack_helpers.cmake")

function(prune out_var)
  execute_process(COMMAND "${ENCART}" prune "${WORK}" --older-than 1 RESULT_VARIABLE status ERROR_VARIABLE said)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "encart prune exited with ${status}: ${said}")
  endif()
  set(${out_var} "${said}" PARENT_SCOPE)
endfunction()

# Files changed in the last hour whose name matches `pattern`: their count.
function(recent out_var pattern)
  execute_process(COMMAND find "${WORK}" -name "${pattern}" -mmin -60 OUTPUT_VARIABLE found)
  string(REGEX MATCHALL "\n" lines "${found}")
  list(LENGTH lines count)
  set(${out_var} ${count} PARENT_SCOPE)
endfunction()

function(age pattern)  # two hours old
  file(GLOB files "${WORK}/${pattern}")
  execute_process(COMMAND touch -d "2 hours ago" ${files} RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "touch -d failed")
  endif()
endfunction()

pack(said "${INPUT}" -o "${WORK}")
pack(said "${OTHER}" -o "${WORK}")
age("*.bin")
prune(said)
expect("${said}" ": 0 old file\\(s\\) removed, [1-9][0-9]* kept for the grace period"
       "files an earlier pack of the grace period listed")

# A re-pack of the same articles: nothing written, no time renewed.
pack(said "${OTHER}" -o "${WORK}")
expect("${said}" " 0 file\\(s\\) written" "a re-pack of the same articles")
recent(renewed "*.bin")
if(NOT renewed EQUAL 0)
  message(FATAL_ERROR "a re-pack renewed the time of ${renewed} file(s) it kept")
endif()

# The first pack's files in use again: their times renewed, so that no prune takes them.
pack(said "${INPUT}" -o "${WORK}")
recent(renewed "*.bin")
if(renewed EQUAL 0)
  message(FATAL_ERROR "the files of an earlier pack, in use again, kept their old times")
endif()
pack(said "${OTHER}" -o "${WORK}")

# Every listing old: the files no current one names are removed, the current pack's stay.
age("files-*.txt")
age("*.bin")
prune(said)
expect("${said}" ": [1-9][0-9]* old file\\(s\\) removed, 0 kept for the grace period" "once every listing is old")
prune(said)
expect("${said}" ": 0 old file\\(s\\) removed, 0 kept for the grace period" "a second prune")
message(STATUS "encart prune: what a listing of the grace period names stays")
