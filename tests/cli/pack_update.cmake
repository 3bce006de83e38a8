# cmake -DENCART=... -DINPUT=... -DWORK=... -P pack_update.cmake
# encart pack CHANGES --update: a publish from the state. INPUT is packed with a state; then
# CHANGES (one article added, the newest, and one title edited) updates the pack. Every file but
# the related ones is the file a full pack of INPUT with the changes writes; the related lists of
# the changed articles are that pack's too (the unit tests check every list). Without a state,
# --update is refused and says why.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")

file(READ "${INPUT}" input)
string(JSON added GET "${input}" articles 0)
string(JSON added SET "${added}" id "\"nouveau\"")
string(JSON added SET "${added}" url "\"/2026/12/02/nouveau\"")
string(JSON added SET "${added}" published "\"2030-01-01T08:00:00+01:00\"")
string(JSON edited GET "${input}" articles 10)
string(JSON edited SET "${edited}" title "\"Un titre corrigé après publication\"")
string(JSON changes SET "${input}" articles "[${added}, ${edited}]")
file(WRITE "${WORK}/changes.json" "${changes}")
string(JSON count LENGTH "${input}" articles)
string(JSON whole SET "${input}" articles 10 "${edited}")
string(JSON whole SET "${whole}" articles ${count} "${added}")
file(WRITE "${WORK}/whole.json" "${whole}")
file(WRITE "${WORK}/views.json" "{\"nouveau\": 42}")

include("${CMAKE_CURRENT_LIST_DIR}/pack_helpers.cmake")

# A pack's files by kind: `other_var` every file but the related buckets and pages.
function(listing dir other_var)
  file(READ "${dir}/manifest.json" manifest)
  string(JSON name GET "${manifest}" files)
  file(STRINGS "${dir}/${name}" files)
  list(FILTER files EXCLUDE REGEX "^[rq]-")
  set(${other_var} "${files}" PARENT_SCOPE)
endfunction()

# Without a state, or with none written yet: refused, with the reason.
execute_process(COMMAND "${ENCART}" pack "${WORK}/changes.json" --update -o "${WORK}/pack"
                RESULT_VARIABLE status ERROR_VARIABLE said)
expect("${status}${said}" "^2.*--update needs --state" "--update without --state")
execute_process(COMMAND "${ENCART}" pack "${WORK}/changes.json" --update -o "${WORK}/pack" --state "${WORK}/none"
                RESULT_VARIABLE status ERROR_VARIABLE said)
expect("${status}${said}" "^1.*none: cannot be read; --update starts from the state of a full pack" "no state yet")

set(state "${WORK}/state")
pack(said "${INPUT}" -o "${WORK}/pack" --state "${state}")
pack(said "${WORK}/changes.json" --update --views "${WORK}/views.json" -o "${WORK}/pack" --state "${state}")
expect("${said}" "[0-9]+ of [0-9]+ ranked again after 2 changed article\\(s\\)" "the update ranks some lists")
# The buckets the changes cannot reach are named as before, without fingerprinting them.
expect("${said}" "\\([1-9][0-9]* of [0-9]+ related buckets untouched by the changes\\)" "untouched buckets")
pack(said "${WORK}/whole.json" --views "${WORK}/views.json" -o "${WORK}/whole")
file(READ "${WORK}/pack/manifest.json" updated_manifest)
file(READ "${WORK}/whole/manifest.json" whole_manifest)
foreach(field head directory articles)
  string(JSON u GET "${updated_manifest}" ${field})
  string(JSON w GET "${whole_manifest}" ${field})
  if(NOT u STREQUAL w)
    message(FATAL_ERROR "manifest ${field}: ${u} after the update, ${w} from a full pack")
  endif()
endforeach()
listing("${WORK}/pack" updated)
listing("${WORK}/whole" full)
if(NOT updated STREQUAL full)
  message(FATAL_ERROR "the update's files (related aside) differ from a full pack's:\n${updated}\n--\n${full}")
endif()

# A second update with no article, new views only: the state written by the first is read.
file(WRITE "${WORK}/none.json" "{\"version\": 1, \"articles\": []}")
file(WRITE "${WORK}/views2.json" "{\"nouveau\": 7}")
pack(said "${WORK}/none.json" --update --views "${WORK}/views2.json" -o "${WORK}/pack" --state "${state}")
expect("${said}" " 0 of [0-9]+ ranked again after 0 changed article\\(s\\)" "an update with new views only")
# A bucket the state knows but the folder lost (deleted by hand) is built again, not assumed.
file(READ "${WORK}/pack/manifest.json" manifest)
string(JSON listing_name GET "${manifest}" files)
file(STRINGS "${WORK}/pack/${listing_name}" names REGEX "^r-")
list(GET names 0 lost)
file(REMOVE "${WORK}/pack/${lost}")
pack(said "${WORK}/none.json" --update --views "${WORK}/views2.json" -o "${WORK}/pack" --state "${state}")
expect("${said}" ": 1 file\\(s\\) written" "only the lost bucket is written")
if(NOT EXISTS "${WORK}/pack/${lost}")
  message(FATAL_ERROR "${lost}, deleted, was not written again")
endif()
# Without --views, the counts are the input's, as a full pack without --views has them: the
# state keeps the input's, not the last --views file's.
pack(said "${WORK}/none.json" --update -o "${WORK}/pack" --state "${state}")
pack(said "${WORK}/whole.json" -o "${WORK}/whole-no-views")
listing("${WORK}/pack" updated)
listing("${WORK}/whole-no-views" full)
if(NOT updated STREQUAL full)
  message(FATAL_ERROR "an update without --views differs from a full pack without it")
endif()
# After a pack written without the state, the state is not that pack's: an update is refused
# (it would bring back the articles of the pack before).
pack(said "${INPUT}" -o "${WORK}/pack")
execute_process(COMMAND "${ENCART}" pack "${WORK}/none.json" --update -o "${WORK}/pack" --state "${state}"
                RESULT_VARIABLE status ERROR_VARIABLE said)
expect("${status}${said}" "^1.*not the state of the pack in" "a state of another pack")
# A full pack after updates ranks every list: patched lists are not a full pack's.
pack(said "${WORK}/whole.json" -o "${WORK}/pack" --state "${state}")
expect("${said}" "patched by --update since the last full ranking; the related lists are ranked again" "a full pack after updates")
message(STATUS "encart pack --update: the files of a full pack, but for the related lists it did not reach")
